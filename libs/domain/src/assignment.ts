/** Who a point is assigned to, as a draft, a publication or a re-assignment states it. */
export interface Assignment {
  leadDepartmentId?: unknown;
  supervisorId?: unknown;
  /** Absent: not part of this change (a draft edit that leaves them as they are). */
  coDepartmentIds?: unknown;
}

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * The assignment checks, one Chinese sentence per problem: a lead department and a supervisor
 * (a draft may still lack them), co-departments as a list of ids, and the lead not also a
 * co-department. Shared by publication, the draft editor and the workflow's re-assignment.
 */
export function assignmentProblems(
  assignment: Assignment,
  { draft = false }: { draft?: boolean } = {},
): string[] {
  const problems: string[] = [];
  const { leadDepartmentId: lead, supervisorId, coDepartmentIds: co } = assignment;
  if (!draft && !isId(lead)) problems.push('缺少牵头单位');
  if (!draft && !isId(supervisorId)) problems.push('缺少分管领导');
  if (co === undefined) return problems;
  if (!Array.isArray(co) || !co.every(isId)) problems.push('配合单位应为单位编号列表');
  else if (isId(lead) && co.includes(lead)) problems.push('牵头单位不能同时是配合单位');
  return problems;
}
