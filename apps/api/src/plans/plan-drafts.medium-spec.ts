import { ErrorCode, type Actor, type PlanView } from '@workpoints/contracts';
import { AuditEventEntity, PlanEntity, WorkPointEntity } from '@workpoints/persistence';
import type { MediumHarness } from '@workpoints/testing/medium';
import { MediumApi } from '../testing/medium-api';
import type { CreatePlanDto } from './dto/create-plan.dto';
import { PlanDraftsService } from './plan-drafts.service';
import { PlansModule } from './plans.module';
import { PlansService } from './plans.service';

/** The coordinator's edits of a draft plan, on a real database. */
describe('PlanDraftsService (medium)', () => {
  let medium: MediumApi;
  let h: MediumHarness;
  let plans: PlansService;
  let drafts: PlanDraftsService;
  let coordinator: Actor;

  /** A draft made the way the API makes one, from a JSON tree. */
  const draft = (titles: (string | { title: string; text?: string })[]): Promise<PlanView> =>
    plans.create(
      {
        title: '草稿',
        year: 2026,
        chapters: [
          {
            title: '第一章',
            points: titles.map((t) => (typeof t === 'string' ? { title: t } : t)),
          },
        ],
      } as CreatePlanDto,
      coordinator,
    );
  const order = async (planId: string) =>
    (await plans.get(planId, coordinator)).points.map((p) => `${p.number}.${p.title}`);
  const lastAudit = (planId: string) =>
    h.ds
      .getRepository(AuditEventEntity)
      .findOneOrFail({ where: { planId }, order: { id: 'DESC' } });

  beforeAll(async () => {
    medium = await MediumApi.start('wp_medium_drafts', [PlansModule]);
    h = medium.harness;
    plans = h.get(PlansService);
    drafts = h.get(PlanDraftsService);
    coordinator = await h.actor('coordinator');
  });

  afterAll(() => medium?.close());

  it('edits a point: an assignment alone is 调整交办, anything else a draft edit', async () => {
    const plan = await draft(['甲', '乙']);
    const [bhc, li] = await Promise.all([h.department('bhc'), h.actor('supervisor.li')]);
    const point = plan.points[0]?.id as string;

    const assignedView = await drafts.edit(
      plan.id,
      point,
      { leadDepartmentId: bhc.id, supervisorId: li.userId, deadline: '2026-11-30' },
      coordinator,
    );
    expect(assignedView).toMatchObject({
      leadDepartmentId: bhc.id,
      supervisorId: li.userId,
      deadline: '2026-11-30',
    });
    expect(await lastAudit(plan.id)).toMatchObject({
      event: 'plan_assigned',
      pointId: point,
      after: {
        op: 'edit',
        before: expect.objectContaining({ leadDepartmentId: null, deadline: null }),
        after: expect.objectContaining({ leadDepartmentId: bhc.id, deadline: '2026-11-30' }),
      },
    });

    await drafts.edit(
      plan.id,
      point,
      { title: '甲（改）', subItems: ['一是', '二是'] },
      coordinator,
    );
    expect(await lastAudit(plan.id)).toMatchObject({ event: 'plan_edited', pointId: point });
    expect(await order(plan.id)).toEqual(['1.甲（改）', '2.乙']);

    await expect(
      drafts.edit(plan.id, point, { coDepartmentIds: [bhc.id] }, coordinator),
    ).rejects.toMatchObject({
      code: ErrorCode.InvalidInput,
      message: '“甲（改）”：牵头单位不能同时是配合单位',
    });
    await expect(
      drafts.edit(plan.id, point, { policy: { reportDay: 40 } }, coordinator),
    ).rejects.toMatchObject({
      code: ErrorCode.InvalidInput,
      message: expect.stringMatching(/^第1项的督办规则有误：/),
    });
    const other = await draft(['别处']);
    await expect(
      drafts.edit(plan.id, point, { nodeId: other.nodes[0]?.id as string }, coordinator),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^nodeId: 计划中没有这个章节/) });
  });

  it('moves, adds and removes points, keeping numbers 1…n', async () => {
    const plan = await draft(['甲', '乙', '丙', '丁']);
    const id = (n: number) => plan.points[n - 1]?.id as string;

    await drafts.edit(plan.id, id(4), { number: 1 }, coordinator);
    expect(await order(plan.id)).toEqual(['1.丁', '2.甲', '3.乙', '4.丙']);

    const added = await drafts.add(plan.id, { title: '新', number: 2 }, coordinator);
    expect(added).toMatchObject({ number: 2, title: '新', text: '新', status: 'draft' });
    expect(await order(plan.id)).toEqual(['1.丁', '2.新', '3.甲', '4.乙', '5.丙']);

    await drafts.remove(plan.id, id(1), coordinator);
    expect(await order(plan.id)).toEqual(['1.丁', '2.新', '3.乙', '4.丙']);
    expect(await lastAudit(plan.id)).toMatchObject({
      event: 'plan_edited',
      pointId: null,
      after: { op: 'delete', before: expect.objectContaining({ title: '甲' }) },
    });
    // Positions follow the numbers.
    const rows = await h.ds
      .getRepository(WorkPointEntity)
      .find({ where: { planId: plan.id }, order: { number: 'ASC' } });
    expect(rows.map((r) => r.position)).toEqual([0, 1, 2, 3]);
  });

  it('merges another point into one: text, targets and sub-items follow', async () => {
    const plan = await draft([
      { title: '甲', text: '推进甲。' },
      { title: '乙', text: '推进乙。' },
      { title: '丙', text: '推进丙。' },
    ]);
    const [first, , third] = plan.points;
    await h.ds.getRepository(WorkPointEntity).update(
      { id: third?.id },
      {
        targets: [{ text: '不少于5家', value: 5, unit: '家', comparator: '>=' }],
        subItems: ['一是'],
      },
    );
    const merged = await drafts.merge(
      plan.id,
      first?.id as string,
      third?.id as string,
      coordinator,
    );
    expect(merged).toMatchObject({
      number: 1,
      text: '推进甲。\n推进丙。',
      subItems: ['一是'],
      targets: [{ text: '不少于5家', value: 5, unit: '家', comparator: '>=' }],
    });
    expect(await order(plan.id)).toEqual(['1.甲', '2.乙']);
    // Refused before any transaction (thrown, not a rejected promise: Nest answers both alike).
    expect(() =>
      drafts.merge(plan.id, first?.id as string, first?.id as string, coordinator),
    ).toThrow('pointId: 不能与自身合并');
  });

  it('splits a point at a sentence: the rest becomes the next point, titled by its first sentence', async () => {
    const plan = await draft([
      { title: '综合', text: '完善制度。开展专项行动。加强宣传。' },
      '其后',
    ]);
    const point = plan.points[0]?.id as string;
    const [kept, created] = await drafts.split(plan.id, point, 2, coordinator);
    expect(kept).toMatchObject({ number: 1, text: '完善制度。' });
    expect(created).toMatchObject({
      number: 2,
      title: '开展专项行动',
      text: '开展专项行动。加强宣传。',
    });
    expect(await order(plan.id)).toEqual(['1.综合', '2.开展专项行动', '3.其后']);
    await expect(drafts.split(plan.id, point, 3, coordinator)).rejects.toMatchObject({
      code: ErrorCode.InvalidInput,
      message: 'atSentence: 第1项只有 1 句，不能从第 3 句拆分',
    });
  });

  it('renames a heading, and refuses every edit once published', async () => {
    const plan = await draft(['甲']);
    const chapter = plan.nodes[0]?.id as string;
    expect(await drafts.renameNode(plan.id, chapter, '强化保护', coordinator)).toMatchObject({
      id: chapter,
      kind: 'chapter',
      title: '强化保护',
    });
    await h.ds.getRepository(PlanEntity).update({ id: plan.id }, { status: 'published' });
    await expect(drafts.add(plan.id, { title: '晚了' }, coordinator)).rejects.toMatchObject({
      code: ErrorCode.PlanState,
      message: '计划已发布，草稿不能再修改',
    });
    const missing = '00000000-0000-4000-8000-0000000000cc';
    await expect(drafts.add(missing, { title: '无' }, coordinator)).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
  });

  it('applies the suggested departments only where the coordinator has set none', async () => {
    const plan = await draft(['商标品牌建设', '专利执法保护', '已指定']);
    const [sbppc, zlglc, bhc, ggfwc] = await Promise.all(
      ['sbppc', 'zlglc', 'bhc', 'ggfwc'].map((c) => h.department(c)),
    );
    const suggestion = (d: { id: string; name: string }, reason: string) => ({
      departmentId: d.id,
      departmentName: d.name,
      reason,
    });
    const points = h.ds.getRepository(WorkPointEntity);
    const [p1, p2, p3] = plan.points.map((p) => p.id);
    // As the import job writes them (suggestDepartments over the keyword rules).
    await points.update(
      { id: p1 },
      { suggestions: { lead: suggestion(sbppc, '关键词“商标”'), co: [] } },
    );
    await points.update(
      { id: p2 },
      {
        suggestions: {
          lead: suggestion(zlglc, '关键词“专利”'),
          co: [suggestion(bhc, '关键词“执法”'), suggestion(zlglc, '关键词“专利”')],
        },
      },
    );
    await points.update(
      { id: p3 },
      {
        leadDepartmentId: ggfwc.id,
        suggestions: { lead: suggestion(bhc, '关键词“保护”'), co: [] },
      },
    );

    expect(await drafts.applySuggestions(plan.id, coordinator)).toEqual({ applied: 2 });

    const after = (await plans.get(plan.id, coordinator)).points;
    expect(after.map((p) => [p.leadDepartmentId, p.coDepartmentIds])).toEqual([
      [sbppc.id, []],
      // The lead is never also a co-department.
      [zlglc.id, [bhc.id]],
      [ggfwc.id, []],
    ]);
    expect(await lastAudit(plan.id)).toMatchObject({
      event: 'suggestions_applied',
      after: { applied: 2 },
    });
  });

  it('lists what each point lacks before publication, with the plan policy beneath its own', async () => {
    const plan = await draft(['就绪', '缺时限', '规则不全']);
    const [zlglc, li] = await Promise.all([h.department('zlglc'), h.actor('supervisor.li')]);
    const assigned = { leadDepartmentId: zlglc.id, supervisorId: li.userId };
    const [p1, p2, p3] = plan.points.map((p) => p.id);
    const points = h.ds.getRepository(WorkPointEntity);
    // A reporting date of its own completes the plan's "once" cadence; without one it is invalid.
    await points.update(
      { id: p1 },
      { ...assigned, deadline: '2026-12-31', policy: { reportOnceDate: '2026-11-30' } },
    );
    await points.update({ id: p2 }, { ...assigned });
    await points.update({ id: p3 }, { ...assigned, deadline: '2026-12-31' });
    const planPolicy = { reportCadence: 'once' as const };

    const rows = await points.find({ where: { planId: plan.id }, order: { number: 'ASC' } });
    expect(plans.unready(rows, '2026-09-21', planPolicy)).toEqual([
      {
        number: 2,
        problems: ['缺少完成时限', '督办规则：报送周期为 once 时须给出 reportOnceDate'],
      },
      { number: 3, problems: ['督办规则：报送周期为 once 时须给出 reportOnceDate'] },
    ]);
    expect(plans.unready(rows, '2027-01-01', null)).toEqual([
      { number: 1, problems: ['完成时限 2026-12-31 早于今天 2027-01-01'] },
      { number: 2, problems: ['缺少完成时限'] },
      { number: 3, problems: ['完成时限 2026-12-31 早于今天 2027-01-01'] },
    ]);
  });

  it('sets the plan-wide policy, refusing one that is invalid once resolved', async () => {
    const plan = await draft(['甲']);
    await drafts.editPlan(
      plan.id,
      { policy: { reportCadence: 'quarterly', reportDay: 20 } },
      coordinator,
    );
    expect((await plans.get(plan.id, coordinator)).policy).toMatchObject({
      reportCadence: 'quarterly',
      reportDay: 20,
    });
    await expect(
      drafts.editPlan(plan.id, { policy: { reportCadence: 'once' } }, coordinator),
    ).rejects.toMatchObject({
      code: ErrorCode.InvalidInput,
      message: '计划的督办规则有误：报送周期为 once 时须给出 reportOnceDate',
    });
    await drafts.editPlan(plan.id, { policy: null }, coordinator);
    expect((await plans.get(plan.id, coordinator)).ownPolicy).toBeNull();
  });
});
