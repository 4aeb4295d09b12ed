import type {
  PlanHeadingView,
  PlanNodeView,
  PlanPointView,
  PlanSummaryView,
  Target,
} from '@workpoints/contracts';
import type { PlanEntity, PlanNodeEntity, WorkPointEntity } from '@workpoints/persistence';
import { iso, isoOrNull } from '../common/wire';

/**
 * Targets are stored as loose JSON (`Target` of the parser, or as a coordinator typed them, both
 * checked on the way in): shown as they are.
 */
const targetsOf = (raw: Record<string, unknown>[]): Target[] => raw as unknown as Target[];

/** A plan in the list of plans (its request id of publication stays inside). */
export function toPlanSummaryView(plan: PlanEntity): PlanSummaryView {
  return {
    id: plan.id,
    title: plan.title,
    year: plan.year,
    status: plan.status,
    createdById: plan.createdById,
    publishedAt: isoOrNull(plan.publishedAt),
    policy: plan.policy,
    scoreRules: plan.scoreRules,
    targets: targetsOf(plan.targets),
    warnings: plan.warnings,
    createdAt: iso(plan.createdAt),
    updatedAt: iso(plan.updatedAt),
  };
}

/**
 * A point as its plan shows it. Co-departments are their ids, as in every other answer about a
 * point (the row's relation objects are the database's business); the point must have been
 * read with them.
 */
export function toPlanPointView(p: WorkPointEntity): PlanPointView {
  if (!p.coDepartments)
    throw new Error(
      `point ${p.id} was read without its co-departments: its answer would lose them`,
    );
  return {
    id: p.id,
    planId: p.planId,
    nodeId: p.nodeId,
    number: p.number,
    title: p.title,
    text: p.text,
    leadDepartmentId: p.leadDepartmentId,
    coDepartmentIds: p.coDepartments.map((d) => d.id),
    deadline: p.deadline,
    supervisorId: p.supervisorId,
    status: p.status,
    risk: p.risk,
    overdue: p.overdue,
    suspended: p.suspended,
    policy: p.policy,
    pendingExtension: p.pendingExtension,
    workflowId: p.workflowId,
    version: p.version,
    label: p.label,
    subItems: p.subItems,
    targets: targetsOf(p.targets),
    deadlineText: p.deadlineText,
    mentionedUnits: p.mentionedUnits,
    suggestions: p.suggestions,
    position: p.position,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

/** A chapter or section heading on its own. */
export function toPlanHeadingView(n: PlanNodeEntity): PlanHeadingView {
  return {
    id: n.id,
    planId: n.planId,
    parentId: n.parentId,
    kind: n.kind,
    label: n.label,
    title: n.title,
    position: n.position,
  };
}

/** The plan's headings as a tree, each with the ids of the points directly under it. */
export function toPlanTree(nodes: PlanNodeEntity[], points: WorkPointEntity[]): PlanNodeView[] {
  const views = new Map<string, PlanNodeView>(
    nodes.map((n) => [
      n.id,
      { id: n.id, kind: n.kind, label: n.label, title: n.title, children: [], pointIds: [] },
    ]),
  );
  const roots: PlanNodeView[] = [];
  for (const n of nodes) {
    const view = views.get(n.id) as PlanNodeView;
    const parent = n.parentId ? views.get(n.parentId) : undefined;
    (parent ? parent.children : roots).push(view);
  }
  for (const p of points) if (p.nodeId) views.get(p.nodeId)?.pointIds.push(p.id);
  return roots;
}

/**
 * The tree without the headings that hold none of its points, at any depth: what a reader of
 * part of a plan needs to place their points, and nothing of the rest.
 */
export function withPointsOnly(tree: PlanNodeView[]): PlanNodeView[] {
  return tree.flatMap((n) => {
    const children = withPointsOnly(n.children);
    return children.length > 0 || n.pointIds.length > 0 ? [{ ...n, children }] : [];
  });
}
