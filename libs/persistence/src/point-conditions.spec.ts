import type { Actor } from '@workpoints/contracts';
import { CLOSED_STATUSES, OPEN_STATUSES } from '@workpoints/domain';
import { remitCondition, sqlStatusIn } from './point-conditions';

const staff: Actor = {
  userId: '11111111-1111-1111-1111-111111111111',
  displayName: '李静',
  departmentId: '22222222-2222-2222-2222-222222222222',
  roles: ['staff'],
};

describe('sqlStatusIn', () => {
  it('writes the domain lists as quoted constants', () => {
    expect(sqlStatusIn('p', CLOSED_STATUSES)).toBe(`p.status IN ('completed', 'cancelled')`);
    expect(sqlStatusIn('wp', OPEN_STATUSES)).toBe(
      `wp.status IN ('assigned', 'acknowledged', 'in_progress', 'submitted', 'head_approved')`,
    );
    expect(sqlStatusIn('p', [])).toBe('FALSE');
  });

  it('refuses what is not a status or not an alias, rather than write it into SQL', () => {
    expect(() => sqlStatusIn('p', [`x') OR ('1' = '1` as never])).toThrow('not a point status');
    expect(() => sqlStatusIn('p; DROP TABLE plans', OPEN_STATUSES)).toThrow('not a SQL alias');
  });
});

describe('remitCondition', () => {
  it('numbers raw parameters after those already there', () => {
    const params: unknown[] = ['plan'];
    const sql = remitCondition(staff, 'p', params);
    expect(params).toEqual(['plan', staff.userId, staff.departmentId]);
    expect(sql).toContain('p.supervisor_id = $2');
    expect(sql).toContain('p.lead_department_id = $3');
    expect(sql).toContain('remit_co.department_id = $3');
  });

  it('names query-builder parameters apart from those already there', () => {
    const params: Record<string, unknown> = {};
    const first = remitCondition(staff, 'p', params);
    const second = remitCondition({ ...staff, userId: 'other', departmentId: null }, 'q', params);
    expect(first).toContain(':point_cond_0');
    expect(second).toBe('(q.supervisor_id = :point_cond_2)');
    expect(params).toEqual({
      point_cond_0: staff.userId,
      point_cond_1: staff.departmentId,
      point_cond_2: 'other',
    });
  });

  it('lets the office see everything without parameters', () => {
    const params: unknown[] = [];
    expect(remitCondition({ ...staff, roles: ['coordinator'] }, 'p', params)).toBe('TRUE');
    expect(remitCondition({ ...staff, roles: ['admin'] }, 'p', params)).toBe('TRUE');
    expect(params).toEqual([]);
  });
});
