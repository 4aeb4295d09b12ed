import {
  DepartmentEntity,
  PlanEntity,
  PlanNodeEntity,
  UserEntity,
  WorkPointEntity,
} from '@workpoints/persistence';
import type { PlanNodeView } from '@workpoints/contracts';
import {
  toPlanHeadingView,
  toPlanPointView,
  toPlanSummaryView,
  toPlanTree,
  withPointsOnly,
} from './plan.mapper';

const at = new Date('2026-03-02T01:00:00.000Z');
const department = (id: string, name: string) =>
  Object.assign(new DepartmentEntity(), { id, code: id, name, kind: 'division', parentId: null });

const plan = (): PlanEntity =>
  Object.assign(new PlanEntity(), {
    id: 'plan-1',
    title: '2026年工作要点',
    year: 2026,
    status: 'published',
    createdById: 'user-1',
    createdBy: Object.assign(new UserEntity(), { id: 'user-1', passwordHash: 'secret-hash' }),
    publishedAt: at,
    publishRequestId: 'req-publish-1',
    policy: { reportDay: 20 },
    scoreRules: null,
    targets: [{ text: '突破22件', value: 22, unit: '件', comparator: '>=' }],
    warnings: [],
    createdAt: at,
    updatedAt: at,
  });

const point = (coDepartments: DepartmentEntity[] | undefined): WorkPointEntity =>
  Object.assign(new WorkPointEntity(), {
    id: 'point-1',
    planId: 'plan-1',
    plan: plan(),
    nodeId: 'node-2',
    number: 1,
    title: '完善知识产权保护体系',
    text: '完善知识产权保护体系。',
    leadDepartmentId: 'd1',
    leadDepartment: department('d1', '保护处'),
    coDepartments,
    deadline: '2026-06-30',
    supervisorId: 'user-9',
    supervisor: Object.assign(new UserEntity(), { id: 'user-9', passwordHash: 'secret-hash' }),
    status: 'in_progress',
    risk: 'yellow',
    overdue: false,
    suspended: false,
    policy: null,
    pendingExtension: null,
    workflowId: 'plan-plan-1-point-1',
    version: 3,
    label: '1.',
    subItems: [],
    targets: [],
    deadlineText: '6月底前',
    mentionedUnits: [],
    suggestions: null,
    position: 0,
    createdAt: at,
    updatedAt: new Date('2026-03-05T08:30:00.000Z'),
  });

describe('plan views', () => {
  it('a point shows its co-departments as ids and none of the row’s relation objects', () => {
    const view = toPlanPointView(point([department('d2', '运用处'), department('d3', '法规处')]));
    expect(view.coDepartmentIds).toEqual(['d2', 'd3']);
    for (const relation of ['plan', 'node', 'leadDepartment', 'coDepartments', 'supervisor'])
      expect(view).not.toHaveProperty(relation);
    expect(JSON.stringify(view)).not.toContain('secret-hash');
    expect(view.createdAt).toBe('2026-03-02T01:00:00.000Z');
    expect(view.updatedAt).toBe('2026-03-05T08:30:00.000Z');
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('refuses a point read without its co-departments rather than answer that it has none', () => {
    expect(() => toPlanPointView(point(undefined))).toThrow(/co-departments/);
  });

  it('a plan in the list keeps its publication request id and creator row inside', () => {
    const view = toPlanSummaryView(plan());
    expect(view).not.toHaveProperty('publishRequestId');
    expect(view).not.toHaveProperty('createdBy');
    expect(view.publishedAt).toBe('2026-03-02T01:00:00.000Z');
    expect(toPlanSummaryView({ ...plan(), publishedAt: null } as PlanEntity).publishedAt).toBe(
      null,
    );
  });

  it('hangs sections under chapters and points under their heading', () => {
    const node = (id: string, parentId: string | null, kind: 'chapter' | 'section') =>
      Object.assign(new PlanNodeEntity(), {
        id,
        planId: 'plan-1',
        parentId,
        kind,
        label: kind === 'chapter' ? '一' : '（一）',
        title: id,
        position: 0,
      });
    const nodes = [node('node-1', null, 'chapter'), node('node-2', 'node-1', 'section')];
    expect(toPlanTree(nodes, [point([])])).toEqual([
      {
        id: 'node-1',
        kind: 'chapter',
        label: '一',
        title: 'node-1',
        pointIds: [],
        children: [
          {
            id: 'node-2',
            kind: 'section',
            label: '（一）',
            title: 'node-2',
            pointIds: ['point-1'],
            children: [],
          },
        ],
      },
    ]);
    expect(toPlanHeadingView(nodes[1] as PlanNodeEntity)).toEqual({
      id: 'node-2',
      planId: 'plan-1',
      parentId: 'node-1',
      kind: 'section',
      label: '（一）',
      title: 'node-2',
      position: 0,
    });
  });
});

describe('withPointsOnly', () => {
  const node = (id: string, pointIds: string[], children: PlanNodeView[] = []): PlanNodeView => ({
    id,
    kind: children.length > 0 ? 'chapter' : 'section',
    label: id,
    title: id,
    children,
    pointIds,
  });

  it('keeps the headings above a reader’s points and drops every other one, at any depth', () => {
    const tree = [
      node('c1', [], [node('s11', ['p1']), node('s12', [])]),
      node('c2', [], [node('s21', [])]),
      node('c3', ['p3']),
    ];
    expect(withPointsOnly(tree)).toEqual([
      node('c1', [], [node('s11', ['p1'])]),
      node('c3', ['p3']),
    ]);
    expect(withPointsOnly([node('c1', [], [node('s11', [])])])).toEqual([]);
  });
});
