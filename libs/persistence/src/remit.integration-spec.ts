import { ROLES, type Actor, type PointParties, type Role } from '@workpoints/contracts';
import { canViewPlan, canViewPoint } from '@workpoints/domain';
// Test helpers are a test-only dependency; the tag rules have no test-file exception yet.
import { createTestDatabase, type TestDatabase } from '@workpoints/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { DepartmentEntity, PlanEntity, UserEntity, WorkPointEntity } from './entities';
import { runMigrations } from './migrate';
import { remitCondition, visiblePointCondition } from './point-conditions';

/** A small deterministic generator (mulberry32), so a failure can be run again as it was. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DEPARTMENTS = 6;
const SUPERVISORS = 4;
const POINTS = 240;

interface GeneratedPoint {
  id: string;
  lead: string | null;
  co: string[];
  supervisor: string | null;
}

/**
 * The remit in SQL (`remitCondition`) against the rule it stands for (`canViewPoint`), on
 * generated points and every kind of actor: for each (actor, point), the database returns the
 * point exactly when the rule says the actor may see it — through raw SQL with `$n` parameters
 * and through a TypeORM query builder with named ones.
 */
describe('remitCondition', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let planId: string;
  let departments: string[];
  let supervisors: string[];
  let points: GeneratedPoint[];

  beforeAll(async () => {
    db = await createTestDatabase('wp_remit');
    await runMigrations(db.url);
    ds = createDataSource(db.url);
    await ds.initialize();
    const random = generator(20_260_101);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

    departments = [];
    for (let i = 0; i < DEPARTMENTS; i += 1)
      departments.push(
        (
          await ds
            .getRepository(DepartmentEntity)
            .save({ code: `d${i}`, name: `处室${i}`, kind: 'division' })
        ).id,
      );
    supervisors = [];
    for (let i = 0; i < SUPERVISORS; i += 1)
      supervisors.push(
        (
          await ds.getRepository(UserEntity).save({
            username: `supervisor${i}`,
            displayName: `分管领导${i}`,
            passwordHash: 'not-a-real-hash',
            departmentId: pick(departments),
            roles: ['supervisor'],
          })
        ).id,
      );
    planId = (
      await ds
        .getRepository(PlanEntity)
        .save({ title: '生成的计划', year: 2026, createdById: supervisors[0] as string })
    ).id;

    points = [];
    for (let n = 1; n <= POINTS; n += 1) {
      // Some points lack a lead or a supervisor; a co-department may also be the lead.
      const lead = random() < 0.1 ? null : pick(departments);
      const co = departments.filter(() => random() < 0.25);
      const supervisor = random() < 0.15 ? null : pick(supervisors);
      const saved = await ds.getRepository(WorkPointEntity).save({
        planId,
        number: n,
        title: `要点${n}`,
        position: n,
        leadDepartmentId: lead,
        supervisorId: supervisor,
        coDepartments: co.map((id) => ({ id }) as DepartmentEntity),
      });
      points.push({ id: saved.id, lead, co, supervisor });
    }
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /**
   * Every combination of roles (none included), without a department or in each one, as the
   * supervisor of some points or as someone who supervises none.
   */
  function actors(): Actor[] {
    const out: Actor[] = [];
    const outsider = randomUUID();
    for (let mask = 0; mask < 1 << ROLES.length; mask += 1) {
      const roles = ROLES.filter((_, i) => mask & (1 << i)) as Role[];
      for (const departmentId of [null, ...departments])
        for (const userId of [supervisors[0] as string, outsider])
          out.push({ userId, displayName: '生成的用户', departmentId, roles });
    }
    return out;
  }

  /** The parties as the API hands them to `canViewPoint` (`partiesOf`: absent as ''). */
  const parties = (p: GeneratedPoint): PointParties => ({
    leadDepartmentId: p.lead ?? '',
    coDepartmentIds: p.co,
    supervisorId: p.supervisor ?? '',
  });

  it('shows each actor exactly the points canViewPoint lets them see', async () => {
    const all = actors();
    const mismatches: string[] = [];
    let cases = 0;
    let visible = 0;
    for (const actor of all) {
      const expected = points
        .filter((p) => canViewPoint(actor, parties(p)))
        .map((p) => p.id)
        .sort();
      cases += points.length;
      visible += expected.length;

      const params: unknown[] = [planId];
      const raw = await ds.query<{ id: string }[]>(
        `SELECT p.id FROM work_points p WHERE p.plan_id = $1 AND ${remitCondition(actor, 'p', params)}`,
        params,
      );
      const named: Record<string, unknown> = { planId };
      const built = await ds
        .getRepository(WorkPointEntity)
        .createQueryBuilder('p')
        .select('p.id')
        .where('p.planId = :planId', { planId })
        .andWhere(remitCondition(actor, 'p', named), named)
        .getMany();

      const who = `${actor.roles.join('+') || 'no role'}, department ${actor.departmentId ?? 'none'}, user ${actor.userId === supervisors[0] ? 'supervisor' : 'outsider'}`;
      for (const [how, ids] of [
        ['raw', raw.map((r) => r.id).sort()],
        ['query builder', built.map((r) => r.id).sort()],
      ] as const)
        if (JSON.stringify(ids) !== JSON.stringify(expected))
          mismatches.push(`${how}: ${who}: SQL ${ids.length}, canViewPoint ${expected.length}`);
    }

    expect(mismatches).toEqual([]);
    expect(all).toHaveLength(2 ** ROLES.length * (DEPARTMENTS + 1) * 2);
    expect(cases).toBe(all.length * POINTS);
    // Not a vacuous agreement: both answers occur, often.
    expect(visible).toBeGreaterThan(cases / 10);
    expect(visible).toBeLessThan(cases - cases / 10);
  });

  it('keeps a draft’s points to the office in lists, and a published plan’s to the remit', async () => {
    const mismatches: string[] = [];
    for (const status of ['draft', 'published'] as const) {
      await ds.getRepository(PlanEntity).update({ id: planId }, { status });
      for (const actor of actors()) {
        const expected = points
          .filter((p) => canViewPlan(actor, { status }) && canViewPoint(actor, parties(p)))
          .map((p) => p.id)
          .sort();
        const params: unknown[] = [planId];
        const rows = await ds.query<{ id: string }[]>(
          `SELECT p.id FROM work_points p
            WHERE p.plan_id = $1 AND ${visiblePointCondition(actor, 'p', params)}`,
          params,
        );
        const ids = rows.map((r) => r.id).sort();
        if (JSON.stringify(ids) !== JSON.stringify(expected))
          mismatches.push(
            `${status}: ${actor.roles.join('+') || 'no role'}: ${ids.length} ≠ ${expected.length}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });
});
