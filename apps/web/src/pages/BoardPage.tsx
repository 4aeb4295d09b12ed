import { Button, Card, Empty, Form, Select, Space, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { RISK_COLOURS } from '@workpoints/contracts';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useApi } from '../api/hooks';
import { useNames } from '../api/reference';
import type { ApiResponses } from '../api/responses';
import { QueryState } from '../components/QueryState';
import { useLabels } from '../components/labels';
import { RiskLight, StatusTag } from '../components/PointTags';

type Plan = ApiResponses['get /api/plans/{planId}'];
type Node = Plan['nodes'][number];
type PlanPoint = Plan['points'][number];

interface Filters {
  chapter?: string;
  department?: string;
  supervisor?: string;
  colour?: string;
}

/** The points under a node (and its descendants). */
function pointIdsUnder(node: Node): string[] {
  return [...node.pointIds, ...node.children.flatMap(pointIdsUnder)];
}

function leaf(p: PlanPoint, dept: (id: string | null) => string): DataNode {
  return {
    key: p.id,
    isLeaf: true,
    title: (
      <Space wrap size={8}>
        <RiskLight risk={p.risk} />
        <Link to={`/points/${p.id}`}>
          第{p.number}项 {p.title}
        </Link>
        <StatusTag status={p.status} />
        <Typography.Text type="secondary">
          {dept(p.leadDepartmentId)} · {p.deadline ?? '—'}
        </Typography.Text>
      </Space>
    ),
  };
}

/** Chapters and sections holding at least one point that passes the filters. */
function toTree(
  nodes: Node[],
  points: Map<string, PlanPoint>,
  keep: (p: PlanPoint) => boolean,
  dept: (id: string | null) => string,
): DataNode[] {
  return nodes.flatMap((node) => {
    const children = [
      ...toTree(node.children, points, keep, dept),
      ...node.pointIds.flatMap((id) => {
        const p = points.get(id);
        return p && keep(p) ? [leaf(p, dept)] : [];
      }),
    ];
    if (children.length === 0) return [];
    const title: ReactNode = <strong>{`${node.label} ${node.title}`}</strong>;
    return [{ key: node.id, title, children, selectable: false }];
  });
}

function Board({ plan, filters }: { plan: Plan; filters: Filters }) {
  const { t } = useTranslation('work');
  const names = useNames();
  const chapter = plan.nodes.find((n) => n.id === filters.chapter);
  const inChapter = chapter ? new Set(pointIdsUnder(chapter)) : null;
  const keep = (p: PlanPoint) =>
    (!inChapter || inChapter.has(p.id)) &&
    (!filters.department ||
      p.leadDepartmentId === filters.department ||
      p.coDepartmentIds.includes(filters.department)) &&
    (!filters.supervisor || p.supervisorId === filters.supervisor) &&
    (!filters.colour || p.risk === filters.colour);
  const points = new Map(plan.points.map((p) => [p.id, p]));
  const shown = plan.points.filter(keep);
  const count = (c: string) => shown.filter((p) => p.risk === c).length;
  const tree = toTree(plan.nodes, points, keep, names.department);
  const loose = shown.filter((p) => p.nodeId === null);
  return (
    <Card
      title={t('board.counts', {
        total: shown.length,
        green: count('green'),
        yellow: count('yellow'),
        red: count('red'),
      })}
      size="small"
    >
      {tree.length === 0 && loose.length === 0 ? (
        <Empty />
      ) : (
        <Tree
          aria-label={t('board.tree')}
          treeData={[...tree, ...loose.map((p) => leaf(p, names.department))]}
          defaultExpandAll
          selectable={false}
          blockNode
        />
      )}
    </Card>
  );
}

/** 督办看板: the plan as a tree with traffic lights, filtered by chapter, department, supervisor, colour. */
export function BoardPage() {
  const { t } = useTranslation('work');
  const labels = useLabels();
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const names = useNames();
  const plans = useApi('get /api/plans');
  // Always read afresh on arrival: just after publishing, a cached draft would show 草稿.
  const plan = useApi(
    'get /api/plans/{planId}',
    { path: { planId } },
    { refetchOnMount: 'always' },
  );
  const filters: Filters = {
    chapter: params.get('chapter') ?? undefined,
    department: params.get('department') ?? undefined,
    supervisor: params.get('supervisor') ?? undefined,
    colour: params.get('colour') ?? undefined,
  };
  const set = (name: keyof Filters, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const supervisors = useMemo(() => {
    const ids = new Set(
      (plan.data?.points ?? [])
        .map((p) => p.supervisorId)
        .filter((id): id is string => Boolean(id)),
    );
    return [...ids].map((id) => ({
      value: id,
      label: names.user(id) === '—' ? id.slice(0, 8) : names.user(id),
    }));
  }, [plan.data, names]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('board.title')}
        </Typography.Title>
        <Link to={`/plans/${planId}/dashboard`}>
          <Button>{t('board.dashboard')}</Button>
        </Link>
      </Space>
      <Card size="small">
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('board.plan')} htmlFor="board-plan">
            <Select
              id="board-plan"
              style={{ width: 300 }}
              value={planId}
              onChange={(id: string) => void navigate(`/plans/${id}/board`)}
              options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
            />
          </Form.Item>
          <Form.Item label={t('board.chapter')} htmlFor="board-chapter">
            <Select
              id="board-chapter"
              allowClear
              placeholder={t('board.all')}
              style={{ width: 220 }}
              value={filters.chapter}
              onChange={(v?: string) => set('chapter', v)}
              options={(plan.data?.nodes ?? []).map((n) => ({
                value: n.id,
                label: `${n.label}${n.title}`,
              }))}
            />
          </Form.Item>
          <Form.Item label={t('board.department')} htmlFor="board-department">
            <Select
              id="board-department"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('board.all')}
              style={{ width: 180 }}
              value={filters.department}
              onChange={(v?: string) => set('department', v)}
              options={names.departments.map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item label={t('board.supervisor')} htmlFor="board-supervisor">
            <Select
              id="board-supervisor"
              allowClear
              placeholder={t('board.all')}
              style={{ width: 140 }}
              value={filters.supervisor}
              onChange={(v?: string) => set('supervisor', v)}
              options={supervisors}
            />
          </Form.Item>
          <Form.Item label={t('board.colour')} htmlFor="board-colour">
            <Select
              id="board-colour"
              allowClear
              placeholder={t('board.all')}
              style={{ width: 110 }}
              value={filters.colour}
              onChange={(v?: string) => set('colour', v)}
              options={RISK_COLOURS.map((value) => ({ value, label: labels.risk(value) }))}
            />
          </Form.Item>
        </Form>
      </Card>
      <QueryState query={plan}>{(p) => <Board plan={p} filters={filters} />}</QueryState>
    </Space>
  );
}
