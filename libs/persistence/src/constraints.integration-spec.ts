// Test helpers are a test-only dependency; the tag rules have no test-file exception yet.
import { createTestDatabase, type TestDatabase } from '@workpoints/testing';
import { QueryFailedError, type DataSource, type QueryDeepPartialEntity } from 'typeorm';
import { createDataSource } from './data-source';
import {
  AuditEventEntity,
  DepartmentEntity,
  PlanEntity,
  NoticeEntity,
  UserEntity,
  WorkPointEntity,
} from './entities';
import { runMigrations } from './migrate';

/** The PostgreSQL error behind a failed query: code and constraint name. */
function pgError(error: unknown): { code?: string; constraint?: string } {
  expect(error).toBeInstanceOf(QueryFailedError);
  return (error as QueryFailedError & { driverError: { code?: string; constraint?: string } })
    .driverError;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

describe('schema constraints', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let department: DepartmentEntity;
  let point: WorkPointEntity;

  beforeAll(async () => {
    db = await createTestDatabase('wp_constraints');
    await runMigrations(db.url);
    ds = createDataSource(db.url);
    await ds.initialize();

    department = await ds
      .getRepository(DepartmentEntity)
      .save({ code: 'bgs', name: '办公室', kind: 'division' });
    const user = await ds.getRepository(UserEntity).save({
      username: 'coordinator',
      displayName: '王敏',
      passwordHash: 'not-a-real-hash',
      departmentId: department.id,
      roles: ['coordinator', 'staff'],
    });
    const plan = await ds
      .getRepository(PlanEntity)
      .save({ title: '2025年工作要点', year: 2025, createdById: user.id });
    point = await ds.getRepository(WorkPointEntity).save({
      planId: plan.id,
      number: 1,
      title: '完善知识产权保护体系',
      position: 0,
      deadline: '2025-06-30',
      leadDepartmentId: department.id,
      coDepartments: [department],
    });
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  function auditRow(requestId: string | null): QueryDeepPartialEntity<AuditEventEntity> {
    return {
      planId: point.planId,
      pointId: point.id,
      actorId: null,
      event: 'overdue',
      fromStatus: 'assigned',
      toStatus: 'assigned',
      before: { overdue: false },
      after: { overdue: true },
      requestId,
      at: new Date('2025-07-01T16:00:00Z'),
    };
  }

  it('maps columns as the code expects: dates as strings, bigint ids as strings, defaults filled', async () => {
    const loaded = await ds.getRepository(WorkPointEntity).findOneOrFail({
      where: { id: point.id },
      relations: { coDepartments: true },
    });
    expect(loaded).toMatchObject({
      deadline: '2025-06-30',
      status: 'draft',
      risk: 'green',
      overdue: false,
      version: 0,
      text: '',
    });
    expect(loaded.coDepartments?.map((d) => d.code)).toEqual(['bgs']);

    await ds.getRepository(AuditEventEntity).insert(auditRow(null));
    const [audit] = await ds.getRepository(AuditEventEntity).find();
    expect(audit).toMatchObject({
      id: expect.any(String),
      after: { overdue: true },
      at: new Date('2025-07-01T16:00:00Z'),
    });
    expect(
      await ds.getRepository(UserEntity).findOneByOrFail({ username: 'coordinator' }),
    ).not.toHaveProperty('passwordHash');
  });

  it('rejects a second audit row for the same point and request id', async () => {
    await ds.getRepository(AuditEventEntity).insert(auditRow('req-1'));

    const error = await failure(ds.getRepository(AuditEventEntity).insert(auditRow('req-1')));
    expect(pgError(error)).toMatchObject({
      code: '23505',
      constraint: 'uq_audit_events_point_request',
    });

    // What the recording activity does: a retried insert is a no-op, visible as zero rows returned.
    const retried = await ds
      .createQueryBuilder()
      .insert()
      .into(AuditEventEntity)
      .values(auditRow('req-1'))
      .orIgnore()
      .returning('id')
      .execute();
    expect(retried.raw).toEqual([]);
    expect(await ds.getRepository(AuditEventEntity).countBy({ requestId: 'req-1' })).toBe(1);
  });

  it('allows any number of audit rows without a request id or without a point', async () => {
    await ds.getRepository(AuditEventEntity).insert([auditRow(null), auditRow(null)]);
    const planLevel = () => ({
      ...auditRow('publish-1'),
      pointId: null,
      event: 'plan_published' as const,
    });
    await ds.getRepository(AuditEventEntity).insert([planLevel(), planLevel()]);
    expect(await ds.getRepository(AuditEventEntity).countBy({ requestId: 'publish-1' })).toBe(2);
  });

  it('rejects a duplicate notice (point, kind, due date, day sent, recipient)', async () => {
    // A fresh object per insert: TypeORM writes the generated id back into the one it is given.
    const notice = (dueDate: string, createdAt: string, recipient = 'lead') => ({
      pointId: point.id,
      kind: 'overdue',
      dueDate,
      noticeDate: dueDate,
      recipient,
      recipientKey: `${recipient}:${department.id}`,
      departmentId: department.id,
      createdAt: new Date(createdAt),
    });
    await ds.getRepository(NoticeEntity).insert(notice('2025-06-30', '2025-07-01T00:00:00Z'));

    const error = await failure(
      ds.getRepository(NoticeEntity).insert(notice('2025-06-30', '2025-07-02T00:00:00Z')),
    );
    expect(pgError(error)).toMatchObject({ code: '23505', constraint: 'uq_notices_once' });

    // the same notice to the department's head is another row
    await ds
      .getRepository(NoticeEntity)
      .insert(notice('2025-06-30', '2025-07-01T00:00:00Z', 'lead-head'));
    await ds.getRepository(NoticeEntity).insert(notice('2025-07-31', '2025-08-01T00:00:00Z'));
    const stored = await ds.getRepository(NoticeEntity).find({ order: { dueDate: 'ASC' } });
    expect(stored.map((r) => `${r.dueDate} ${r.recipient}`).sort()).toEqual([
      '2025-06-30 lead',
      '2025-06-30 lead-head',
      '2025-07-31 lead',
    ]);
  });

  it('rejects a second point with the same number in a plan', async () => {
    const error = await failure(
      ds
        .getRepository(WorkPointEntity)
        .insert({ planId: point.planId, number: 1, title: '重复', position: 1 }),
    );
    expect(pgError(error)).toMatchObject({
      code: '23505',
      constraint: 'uq_work_points_plan_number',
    });
  });

  it('deletes a plan with its points, notices and co-departments, keeping the audit trail', async () => {
    const auditBefore = await ds.getRepository(AuditEventEntity).count();
    await ds.getRepository(PlanEntity).delete({ id: point.planId });

    expect(await ds.getRepository(WorkPointEntity).count()).toBe(0);
    expect(await ds.getRepository(NoticeEntity).count()).toBe(0);
    expect(await ds.query('SELECT * FROM work_point_co_departments')).toEqual([]);
    expect(await ds.getRepository(AuditEventEntity).count()).toBe(auditBefore);
  });
});
