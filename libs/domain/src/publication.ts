/**
 * What a draft point still lacks before it can be published: a lead department, a supervisor,
 * and a deadline that is not already past (dates are Asia/Shanghai calendar dates). Empty
 * when the point is ready. Used by the API to refuse a publication and by any screen that
 * shows readiness.
 */
export function publicationProblems(
  point: { leadDepartmentId: string | null; supervisorId: string | null; deadline: string | null },
  today: string,
): string[] {
  const problems: string[] = [];
  if (!point.leadDepartmentId) problems.push('缺少牵头单位');
  if (!point.supervisorId) problems.push('缺少分管领导');
  if (!point.deadline) problems.push('缺少完成时限');
  else if (point.deadline < today) problems.push(`完成时限 ${point.deadline} 早于今天 ${today}`);
  return problems;
}
