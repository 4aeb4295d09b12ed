import { ErrorCode, type Actor } from '@workpoints/contracts';
import {
  AuditEventEntity,
  ProgressReportEntity,
  TargetActualEntity,
  WorkPointEntity,
  type PlanEntity,
} from '@workpoints/persistence';
import {
  insertPlan,
  insertPoint,
  recordEvent,
  type MediumHarness,
} from '@workpoints/testing/medium';
import { MediumApi } from '../testing/medium-api';
import type { AddTargetDto } from './targets.dto';
import { TargetsModule } from './targets.module';
import { TargetsService } from './targets.service';

/** Quantitative targets: progress across a plan from reported actuals, and additions by hand. */
describe('TargetsService (medium)', () => {
  let medium: MediumApi;
  let h: MediumHarness;
  let targets: TargetsService;
  let coordinator: Actor;
  let plan: PlanEntity;
  const point: Record<number, WorkPointEntity> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    medium = await MediumApi.start('wp_medium_targets', [TargetsModule]);
    h = medium.harness;
    targets = h.get(TargetsService);
    coordinator = await h.actor('coordinator');
    const staff = await h.actor('zlglc.staff');
    ids['zlglc'] = (await h.department('zlglc')).id;
    ids['bhc'] = (await h.department('bhc')).id;
    plan = await insertPlan(h.ds, coordinator);
    const add = async (
      number: number,
      lead: string,
      list: object[],
      status: WorkPointEntity['status'] = 'in_progress',
    ) =>
      (point[number] = await insertPoint(h.ds, plan, {
        number,
        leadDepartmentId: ids[lead],
        status,
        targets: list as WorkPointEntity['targets'],
      }));
    await add(1, 'zlglc', [{ text: '结案不少于30件', value: 30, unit: '件', comparator: '>=' }]);
    await add(2, 'bhc', [{ text: '侵权率降至5%以下', value: 5, unit: '%', comparator: '<=' }]);
    await add(3, 'zlglc', []);
    await add(4, 'zlglc', [
      { text: '培育10至15家', value: 10, valueMax: 15, unit: '家', comparator: 'range' },
    ]);
    await add(5, 'zlglc', [], 'completed');

    // Actuals as the recording activity writes them with each report.
    const actual = async (p: WorkPointEntity, value: number, at: string) => {
      const report = await h.ds.getRepository(ProgressReportEntity).save({
        pointId: p.id,
        departmentId: p.leadDepartmentId as string,
        authorId: staff.userId,
        kind: 'progress',
        text: `实际值 ${value}`,
        percent: null,
        requestId: `r-${p.number}-${at}`,
        createdAt: new Date(at),
      });
      await h.ds.getRepository(TargetActualEntity).save({
        pointId: p.id,
        reportId: report.id,
        targetIndex: 0,
        value,
        reportedAt: new Date(at),
      });
    };
    await actual(point[1] as WorkPointEntity, 5, '2025-12-20T02:00:00Z');
    await actual(point[1] as WorkPointEntity, 12, '2026-03-10T02:00:00Z');
    await actual(point[1] as WorkPointEntity, 31, '2026-06-10T02:00:00Z');
    await actual(point[2] as WorkPointEntity, 7, '2026-06-30T17:00:00Z');
  });

  afterAll(() => medium?.close());

  describe('progress', () => {
    it("judges each target by its latest actual; the trend keeps the plan's year", async () => {
      const progress = await targets.progress(plan.id, coordinator, {});
      expect(progress).toMatchObject({
        planId: plan.id,
        year: 2026,
        totals: { targets: 3, withActual: 2, met: 1 },
      });
      expect(
        progress.rows.map((r) => [r.point.number, r.target.text, r.latest, r.met, r.metLabel]),
      ).toEqual([
        [1, '结案不少于30件', { value: 31, date: '2026-06-10' }, true, '已达标'],
        // Reported at 01:00 on 1 July in Shanghai.
        [2, '侵权率降至5%以下', { value: 7, date: '2026-07-01' }, false, '未达标'],
        [4, '培育10至15家', null, null, '暂无实际值'],
      ]);
      expect(progress.rows[0]?.trend).toEqual([
        { date: '2026-03-10', value: 12 },
        { date: '2026-06-10', value: 31 },
      ]);
      expect(progress.rows[2]?.target).toEqual({
        index: 0,
        text: '培育10至15家',
        value: 10,
        valueMax: 15,
        unit: '家',
        comparator: 'range',
        aspirational: false,
      });
      expect(progress.rows[0]?.department).toEqual({ id: ids['zlglc'], name: '专利管理处' });
    });

    it('keeps a department head to their remit, as the dashboard does', async () => {
      const head = await h.actor('zlglc.head');
      const own = await targets.progress(plan.id, head, {});
      expect(own.rows.map((r) => r.point.number)).toEqual([1, 4]);
      // Another department's filter narrows within the remit, to nothing here.
      expect((await targets.progress(plan.id, head, { departmentId: ids['bhc'] })).rows).toEqual(
        [],
      );
      expect(
        (await targets.progress(plan.id, coordinator, { departmentId: ids['bhc'] })).totals.targets,
      ).toBe(1);
    });
  });

  describe('add', () => {
    const target = (extra: Partial<AddTargetDto> = {}): AddTargetDto => ({
      text: '新增示范企业不少于8家',
      value: 8,
      unit: '家',
      comparator: '>=',
      ...extra,
    });

    it('appends a target with its index and an audit row; the same request id adds it once', async () => {
      const p = point[3] as WorkPointEntity;
      const first = await targets.add(p.id, coordinator, target({ requestId: 't-1' }));
      expect(first).toEqual({
        pointId: p.id,
        repeated: false,
        targets: [
          { index: 0, text: '新增示范企业不少于8家', value: 8, unit: '家', comparator: '>=' },
        ],
      });
      const second = await targets.add(
        p.id,
        coordinator,
        target({ requestId: 't-2', text: '力争10家', value: 10, aspirational: true }),
      );
      expect(second.targets.map((t) => [t.index, t.text, t.aspirational])).toEqual([
        [0, '新增示范企业不少于8家', undefined],
        [1, '力争10家', true],
      ]);
      const retry = await targets.add(p.id, coordinator, target({ requestId: 't-1' }));
      expect(retry).toMatchObject({ repeated: true });
      expect(retry.targets).toHaveLength(2);
      const rows = await h.ds
        .getRepository(AuditEventEntity)
        .find({ where: { pointId: p.id }, order: { id: 'ASC' } });
      expect(rows.map((r) => [r.event, r.requestId, r.fromStatus, r.toStatus, r.comment])).toEqual([
        ['target_added', 'target:t-1', null, null, '新增示范企业不少于8家'],
        ['target_added', 'target:t-2', null, null, '力争10家'],
      ]);
      expect(rows[1]?.after).toMatchObject({ added: { index: 1, text: '力争10家' } });
    });

    it('refuses a closed point, a target that makes no sense, a reused request id and an unknown point', async () => {
      await expect(
        targets.add((point[5] as WorkPointEntity).id, coordinator, target()),
      ).rejects.toMatchObject({
        code: ErrorCode.OutOfTurn,
        message: '第5项已办结，不能再添加目标',
      });
      await expect(
        targets.add(
          (point[3] as WorkPointEntity).id,
          coordinator,
          target({ comparator: 'range', value: 10, valueMax: 5 }),
        ),
      ).rejects.toMatchObject({
        code: ErrorCode.InvalidInput,
        message: '目标有误：区间上限 5 不能小于下限 10',
      });
      const p = point[1] as WorkPointEntity;
      await recordEvent(h.ds, p, { event: 'urge', actor: coordinator, requestId: 'target:t-9' });
      await expect(
        targets.add(p.id, coordinator, target({ requestId: 't-9' })),
      ).rejects.toMatchObject({
        code: ErrorCode.RequestIdReused,
        message: '请求编号 t-9 已用于“urge”操作',
      });
      await expect(
        targets.add('00000000-0000-4000-8000-0000000000ee', coordinator, target()),
      ).rejects.toMatchObject({ code: ErrorCode.NotFound });
      const unchanged = await h.ds.getRepository(WorkPointEntity).findOneByOrFail({ id: p.id });
      expect(unchanged.targets).toHaveLength(1);
    });
  });
});
