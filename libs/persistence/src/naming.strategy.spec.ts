import { Table } from 'typeorm';
import { WorkpointsNamingStrategy } from './naming.strategy';

describe('WorkpointsNamingStrategy', () => {
  const naming = new WorkpointsNamingStrategy();

  it('names constraints after their table and columns', () => {
    expect(naming.primaryKeyName('work_points')).toBe('pk_work_points');
    expect(naming.foreignKeyName('work_points', ['lead_department_id'])).toBe(
      'fk_work_points_lead_department_id',
    );
    expect(naming.indexName(new Table({ name: 'public.notices' }), ['point_id'])).toBe(
      'ix_notices_point_id',
    );
    expect(naming.uniqueConstraintName('users', ['username'])).toBe('uq_users_username');
  });

  it('keeps names within the PostgreSQL limit of 63 and distinct when cut', () => {
    const columns = ['a_rather_long_column_name', 'another_rather_long_column_name'];
    const first = naming.foreignKeyName('work_point_co_departments', columns);
    const second = naming.foreignKeyName('work_point_co_departments', [...columns, 'x']);
    expect(first.length).toBeLessThanOrEqual(63);
    expect(second.length).toBeLessThanOrEqual(63);
    expect(first).not.toBe(second);
  });

  it('tells partial indexes apart by their condition', () => {
    expect(naming.indexName('t', ['a'], 'a IS NOT NULL')).not.toBe(
      naming.indexName('t', ['a'], 'a > 0'),
    );
  });
});
