import { ErrorCode, type KeywordRuleView } from '@workpoints/contracts';
import { suggestDepartments } from '@workpoints/domain';
import { DEFAULT_KEYWORD_RULES, DepartmentEntity } from '@workpoints/persistence';
import type { MediumHarness } from '@workpoints/testing/medium';
import type { ErrorBody } from '../common/domain-exception.filter';
import { MediumApi } from '../testing/medium-api';
import { DepartmentRulesModule } from './department-rules.module';

/**
 * The keyword rules behind the departments suggested on import, through HTTP: the coordinator
 * edits them, and the import's suggestions follow what is stored.
 */
describe('department rules (medium)', () => {
  let medium: MediumApi;
  let h: MediumHarness;
  const rules = async () =>
    (await medium.request<KeywordRuleView[]>('coordinator', 'GET', '/department-rules')).body;
  const create = (body: unknown, user = 'coordinator') =>
    medium.request<KeywordRuleView & ErrorBody>(user, 'POST', '/department-rules', body);
  /** What an import would suggest for `text` with the rules stored now. */
  const suggested = async (text: string) => {
    const departments = await h.ds.getRepository(DepartmentEntity).find();
    return suggestDepartments(
      { text, leadUnits: [], coUnits: [], mentionedUnits: [] },
      departments.map((d) => ({ id: d.id, name: d.name })),
      (await rules()).map((r) => ({ keyword: r.keyword, departmentId: r.departmentId })),
    );
  };

  beforeAll(async () => {
    medium = await MediumApi.start('wp_medium_rules', [DepartmentRulesModule], { http: true });
    h = medium.harness;
  });

  afterAll(() => medium?.close());

  it('lists the seeded rules by keyword', async () => {
    const list = await rules();
    const seeded = Object.values(DEFAULT_KEYWORD_RULES).flat();
    expect(list.map((r) => r.keyword).sort()).toEqual([...seeded].sort());
    const sbppc = await h.department('sbppc');
    expect(list.find((r) => r.keyword === '商标')?.departmentId).toBe(sbppc.id);
  });

  it('adds a rule (trimmed) that then drives the suggestions, once', async () => {
    const ggfwc = await h.department('ggfwc');
    expect((await suggested('建设知识产权大数据平台')).lead).toBeNull();

    const res = await create({ keyword: ' 大数据 ', departmentId: ggfwc.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ keyword: '大数据', departmentId: ggfwc.id });
    expect((await suggested('建设知识产权大数据平台')).lead).toMatchObject({
      departmentId: ggfwc.id,
      departmentName: '公共服务处',
    });

    const twice = await create({ keyword: '大数据', departmentId: ggfwc.id });
    expect([twice.status, twice.body.message]).toEqual([400, 'keyword: 规则“大数据”已存在']);
  });

  it('refuses an unknown department, a keyword too long, and anyone but coordinators and admins', async () => {
    const nowhere = '00000000-0000-4000-8000-0000000000ff';
    const unknown = await create({ keyword: '版权', departmentId: nowhere });
    expect([unknown.status, unknown.body.code, unknown.body.message]).toEqual([
      400,
      ErrorCode.InvalidInput,
      `departmentId: 单位不存在 ${nowhere}`,
    ]);
    const bgs = await h.department('bgs');
    expect((await create({ keyword: '长'.repeat(51), departmentId: bgs.id })).status).toBe(400);
    const head = await create({ keyword: '版权', departmentId: bgs.id }, 'bgs.head');
    expect([head.status, head.body.code]).toEqual([403, ErrorCode.NotInRemit]);
    expect((await medium.request('bgs.head', 'GET', '/department-rules')).status).toBe(403);
  });

  it('deletes a rule, and says so when there is none', async () => {
    const rule = (await rules()).find((r) => r.keyword === '大数据') as KeywordRuleView;
    expect((await medium.request('admin', 'DELETE', `/department-rules/${rule.id}`)).status).toBe(
      204,
    );
    expect((await suggested('建设知识产权大数据平台')).lead).toBeNull();
    const again = await medium.request<ErrorBody>(
      'admin',
      'DELETE',
      `/department-rules/${rule.id}`,
    );
    expect([again.status, again.body.message]).toEqual([404, `规则不存在：${rule.id}`]);
  });
});
