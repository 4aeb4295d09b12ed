import {
  isCalendarDate,
  suggestDepartments,
  type DepartmentSuggestions,
  type KeywordRule,
  type SuggestionDepartment,
} from '@workpoints/domain';
import type { ParsedPlan, ParsedPoint, Target } from '@workpoints/plan-parser';

export interface DraftNode {
  key: string;
  parentKey: string | null;
  kind: 'chapter' | 'section';
  label: string;
  title: string;
  position: number;
}

export interface DraftPoint {
  nodeKey: string | null;
  number: number;
  label: string;
  title: string;
  text: string;
  subItems: string[];
  targets: Target[];
  deadlineText: string | null;
  deadline: string | null;
  mentionedUnits: string[];
  suggestions: DepartmentSuggestions;
}

export interface PlanDraft {
  title: string;
  year: number;
  targets: Target[];
  warnings: string[];
  nodes: DraftNode[];
  points: DraftPoint[];
  /** How many items each part of the document held (a summary's review and problems are not tracked). */
  parts: Record<ParsedPoint['part'], number>;
}

export interface DraftContext {
  filename: string;
  /** The year the coordinator gave, else the current year, when the document names none. */
  fallbackYear: number;
  departments: SuggestionDepartment[];
  rules: KeywordRule[];
}

const chapterKey = (numeral: string) => `c:${numeral}`;
const sectionKey = (chapter: string | null, numeral: string) => `s:${chapter ?? ''}:${numeral}`;

/**
 * The draft plan an import produces: the forward plan's items become points, numbered 1…n
 * across the plan (the document's own numbering is kept as each point's label), under the
 * chapters and sections that hold them, each with suggested departments and their reasons.
 */
export function buildPlanDraft(parsed: ParsedPlan, ctx: DraftContext): PlanDraft {
  const parts: PlanDraft['parts'] = { plan: 0, review: 0, problems: 0 };
  for (const p of parsed.points) parts[p.part] += 1;
  const tracked = parsed.points.filter((p) => p.part === 'plan');

  const nodes: DraftNode[] = [];
  const used = new Set(
    tracked.flatMap((p) => [
      p.chapter ? chapterKey(p.chapter) : '',
      sectionKey(p.chapter, p.section ?? ''),
    ]),
  );
  parsed.chapters.forEach((chapter, ci) => {
    const ck = chapterKey(chapter.numeral);
    const sections = chapter.sections.filter((s) =>
      used.has(sectionKey(chapter.numeral, s.numeral)),
    );
    if (!used.has(ck) && sections.length === 0) return;
    nodes.push({
      key: ck,
      parentKey: null,
      kind: 'chapter',
      label: chapter.numeral,
      title: chapter.title,
      position: ci,
    });
    sections.forEach((s, si) =>
      nodes.push({
        key: sectionKey(chapter.numeral, s.numeral),
        parentKey: ck,
        kind: 'section',
        label: `（${s.numeral}）`,
        title: s.title,
        position: si,
      }),
    );
  });
  const nodeKeys = new Set(nodes.map((n) => n.key));

  const points = tracked.map((p, i): DraftPoint => {
    const sk = p.section ? sectionKey(p.chapter, p.section) : null;
    const ck = p.chapter ? chapterKey(p.chapter) : null;
    const date = p.deadline?.date ?? null;
    return {
      nodeKey: sk && nodeKeys.has(sk) ? sk : ck && nodeKeys.has(ck) ? ck : null,
      number: i + 1,
      label: p.label,
      title: p.title || p.text.slice(0, 60),
      text: p.text,
      subItems: p.subItems,
      targets: p.targets,
      deadlineText: p.deadline?.text ?? null,
      deadline: date && isCalendarDate(date) ? date : null,
      mentionedUnits: p.mentionedUnits,
      suggestions: suggestDepartments(
        {
          text: p.text,
          leadUnits: p.leadUnits,
          coUnits: p.coUnits,
          mentionedUnits: p.mentionedUnits,
        },
        ctx.departments,
        ctx.rules,
      ),
    };
  });

  const title = parsed.title ?? ctx.filename.replace(/\.[^.]+$/, '');
  return {
    title: title.slice(0, 200) || '导入的计划',
    year: parsed.year ?? ctx.fallbackYear,
    targets: parsed.targets,
    warnings: parsed.warnings,
    nodes,
    points,
    parts,
  };
}
