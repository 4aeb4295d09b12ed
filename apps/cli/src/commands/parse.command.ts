import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ImportError, extractText } from '@workpoints/plan-import';
import { parsePlan, type ParsedPlan, type ParsedPoint } from '@workpoints/plan-parser';

export const PARSE_USAGE = `workpoints parse FILE [--json] [--year YYYY]

Parses a work-plan document (.docx, .pdf, .html, .txt in UTF-8 or GBK) and prints its points:
a readable list by default, or with --json one JSON object
{ title, year, targets, points: [{ no, label, chapter, section, part, title, text, subItems,
  leadUnits, coUnits, mentionedUnits, deadline, targets }], warnings }.
--year sets the plan's year (instead of the year the document names).`;

/** The command-line contract: exactly these fields, in this order. */
export function toContract(plan: ParsedPlan) {
  return {
    title: plan.title,
    year: plan.year,
    targets: plan.targets,
    points: plan.points.map((p: ParsedPoint) => ({
      no: p.no,
      label: p.label,
      chapter: p.chapter,
      section: p.section,
      part: p.part,
      title: p.title,
      text: p.text,
      subItems: p.subItems,
      leadUnits: p.leadUnits,
      coUnits: p.coUnits,
      mentionedUnits: p.mentionedUnits,
      deadline: p.deadline,
      targets: p.targets,
    })),
    warnings: plan.warnings,
  };
}

const PART_LABELS: Record<ParsedPoint['part'], string> = {
  plan: '计划',
  review: '回顾',
  problems: '问题',
};

function readable(plan: ParsedPlan, file: string, format: string): string {
  const counts = { plan: 0, review: 0, problems: 0 };
  for (const p of plan.points) counts[p.part] += 1;
  const lines = [
    `${file} (${format})`,
    `标题：${plan.title ?? '（无）'}    年度：${plan.year ?? '（未知）'}`,
    `要点：${counts.plan} 项计划` +
      (counts.review || counts.problems
        ? `，${counts.review} 项回顾，${counts.problems} 项问题`
        : ''),
  ];
  if (plan.targets.length) lines.push(`年度目标：${plan.targets.map((t) => t.text).join('；')}`);
  let heading = '';
  for (const p of plan.points) {
    const chapter = plan.chapters.find((c) => c.numeral === p.chapter);
    const section = chapter?.sections.find((x) => x.numeral === p.section);
    const where = [
      p.chapter && `${p.chapter}、${chapter?.title ?? ''}`,
      p.section && `（${p.section}）${section?.title ?? ''}`,
    ]
      .filter(Boolean)
      .join(' ');
    if (where !== heading) {
      heading = where;
      lines.push('', `${where}${p.part === 'plan' ? '' : `  [${PART_LABELS[p.part]}]`}`);
    }
    const extra = [
      p.deadline && `时限：${p.deadline.text}${p.deadline.date ? `→${p.deadline.date}` : ''}`,
      p.targets.length > 0 && `目标：${p.targets.map((t) => t.text).join('、')}`,
      p.leadUnits.length > 0 && `牵头：${p.leadUnits.join('、')}`,
    ].filter(Boolean);
    lines.push(`  ${p.label} ${p.title}${extra.length ? `  〔${extra.join('；')}〕` : ''}`);
  }
  if (plan.warnings.length) lines.push('', '提示：', ...plan.warnings.map((w) => `  - ${w}`));
  return lines.join('\n');
}

export async function parseCommand(args: string[]): Promise<number> {
  let values: { json?: boolean; year?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        year: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${PARSE_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(PARSE_USAGE);
    return 0;
  }
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error(`parse needs exactly one FILE\n\n${PARSE_USAGE}`);
    return 2;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
    console.error(`--year must be a year such as 2026, got "${values.year}"`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    console.error(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
    return 1;
  }
  try {
    const extracted = await extractText(bytes, file);
    const plan = parsePlan(extracted.text, year === undefined ? {} : { year });
    plan.warnings.unshift(...extracted.warnings);
    console.log(
      values.json
        ? JSON.stringify(toContract(plan), null, 2)
        : readable(plan, file, extracted.format),
    );
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`${file}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
