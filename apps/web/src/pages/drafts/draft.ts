import type { Target } from '@workpoints/contracts';
import type { ApiResponses } from '../../api/responses';

/** The shapes of a draft plan as the API sends them. */
export type Plan = ApiResponses['get /api/plans/{planId}'];
export type DraftPoint = Plan['points'][number];
export type PlanNode = Plan['nodes'][number];
export type ImportInfo = ApiResponses['get /api/imports/{importId}'];
export type Department = ApiResponses['get /api/departments'][number];
export type Person = ApiResponses['get /api/users'][number];
export type Policy = Plan['policy'];

/** What keeps a point from being published (the API's publicationProblems, for the screen). */
export type Problem = 'lead' | 'supervisor' | 'deadline' | 'past';

/** Today's calendar date in Asia/Shanghai, YYYY-MM-DD (deadlines are Shanghai dates). */
export function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

export function problemsOf(point: DraftPoint, today: string): Problem[] {
  const problems: Problem[] = [];
  if (!point.leadDepartmentId) problems.push('lead');
  if (!point.supervisorId) problems.push('supervisor');
  if (!point.deadline) problems.push('deadline');
  else if (point.deadline < today) problems.push('past');
  return problems;
}

/** A chapter's label is its bare numeral (一); a section's carries its brackets (（一）). */
export function headingOf(node: Pick<PlanNode, 'kind' | 'label' | 'title'>): string {
  const label = node.label.trim();
  if (!label) return node.title;
  return /^[一二三四五六七八九十百]+$/.test(label)
    ? `${label}、${node.title}`
    : `${label}${node.title}`;
}

export interface FlatNode {
  id: string;
  kind: string;
  heading: string;
  depth: number;
  pointIds: string[];
}

/** Chapters and sections in document order, for choosers. */
export function flatNodes(nodes: PlanNode[], depth = 0): FlatNode[] {
  return nodes.flatMap((n) => [
    { id: n.id, kind: n.kind, heading: headingOf(n), depth, pointIds: n.pointIds },
    ...flatNodes(n.children as PlanNode[], depth + 1),
  ]);
}

/** A target as the PATCH takes it: without the parser's 力争 mark, which it does not accept. */
export type TargetValue = Omit<Target, 'aspirational'>;

/** The point's targets as the PATCH expects them. */
export function toTargets(targets: Target[]): TargetValue[] {
  return targets.map(({ text, value, valueMax, unit, comparator }) => ({
    text,
    value,
    ...(valueMax === undefined ? {} : { valueMax }),
    unit,
    comparator,
  }));
}

/** Parses the API's refusal of a publication ("计划尚不能发布 — 第1项：…；第2项：…") into lines. */
export function refusalLines(message: string): { head: string; lines: string[] } {
  const [head, rest] = message.split(' — ');
  if (!rest) return { head: message, lines: [] };
  return { head: head ?? message, lines: rest.split('；').filter(Boolean) };
}

export const fileSize = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The highest point number under a chapter or section (its sections included), or 0. */
export function lastNumberUnder(plan: Plan, nodeId: string): number {
  const find = (nodes: PlanNode[]): PlanNode | undefined => {
    for (const n of nodes) {
      if (n.id === nodeId) return n;
      const inner = find(n.children as PlanNode[]);
      if (inner) return inner;
    }
    return undefined;
  };
  const ids = new Set<string>();
  const collect = (n: PlanNode) => {
    n.pointIds.forEach((id) => ids.add(id));
    (n.children as PlanNode[]).forEach(collect);
  };
  const node = find(plan.nodes);
  if (node) collect(node);
  return plan.points.filter((p) => ids.has(p.id)).reduce((m, p) => Math.max(m, p.number), 0);
}
