import { assignmentProblems } from './assignment';

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
  const problems = assignmentProblems({
    leadDepartmentId: point.leadDepartmentId,
    supervisorId: point.supervisorId,
  });
  if (!point.deadline) problems.push('缺少完成时限');
  else if (point.deadline < today) problems.push(`完成时限 ${point.deadline} 早于今天 ${today}`);
  return problems;
}
