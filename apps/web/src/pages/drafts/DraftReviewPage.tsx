import { Empty, Grid } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { AddPointModal } from './AddPointModal';
import { BulkFillModal } from './BulkFillModal';
import { DraftHeader } from './DraftHeader';
import {
  type Department,
  type Person,
  type Plan,
  type PlanNode,
  flatNodes,
  problemsOf,
  shanghaiToday,
} from './draft';
import { NodeEditor } from './NodeEditor';
import { Pane } from './Pane';
import { PlanTree, type Selection } from './PlanTree';
import { PointEditor } from './PointEditor';
import { PolicyModal } from './PolicyModal';
import { SourcePane } from './SourcePane';

/**
 * The coordinator checks an imported draft plan against its original: the tree of chapters,
 * sections and points on the left, the selected point's editor in the middle, the original
 * text on the right (each scrolling on its own), then publishes it.
 */
export function DraftReviewPage() {
  const { planId = '' } = useParams();
  const plan = useApi('get /api/plans/{planId}', { path: { planId } });
  const departments = useApi('get /api/departments', undefined, { staleTime: 300_000 });
  const supervisors = useApi(
    'get /api/users',
    { query: { role: 'supervisor' } },
    { staleTime: 300_000 },
  );
  return (
    <>
      <QueryState query={plan}>
        {(p) => (
          <DraftReview
            plan={p}
            departments={departments.data ?? []}
            supervisors={supervisors.data ?? []}
          />
        )}
      </QueryState>
    </>
  );
}

type Dialog = 'add' | 'bulk' | 'policy' | null;

interface Props {
  plan: Plan;
  departments: Department[];
  supervisors: Person[];
}

function DraftReview({ plan, departments, supervisors }: Props) {
  const { t } = useTranslation('coordinator');
  const screens = Grid.useBreakpoint();
  const wide = screens.lg !== false;
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [onlyUnready, setOnlyUnready] = useState(false);
  const editable = plan.status === 'draft';
  const today = shanghaiToday();

  const problems = useMemo(
    () => new Map(plan.points.map((p) => [p.id, problemsOf(p, today)])),
    [plan.points, today],
  );
  const nodes = useMemo(() => flatNodes(plan.nodes), [plan.nodes]);
  const nodeById = useMemo(() => {
    const map = new Map<string, PlanNode>();
    const walk = (list: PlanNode[]) =>
      list.forEach((n) => {
        map.set(n.id, n);
        walk(n.children as PlanNode[]);
      });
    walk(plan.nodes);
    return map;
  }, [plan.nodes]);

  const pointId = params.get('point');
  const nodeId = params.get('node');
  const point = pointId ? (plan.points.find((p) => p.id === pointId) ?? null) : null;
  const node = nodeId ? (nodeById.get(nodeId) ?? null) : null;
  const selected: Selection = point
    ? { kind: 'point', id: point.id }
    : node
      ? { kind: 'node', id: node.id }
      : null;
  const select = (s: Selection) =>
    setParams(s ? { [s.kind]: s.id } : {}, { replace: true, preventScrollReset: true });

  const editor = point ? (
    <PointEditor
      plan={plan}
      point={point}
      nodes={nodes}
      departments={departments}
      supervisors={supervisors}
      problems={problems.get(point.id) ?? []}
      editable={editable}
      today={today}
      onSelect={(id) => select(id ? { kind: 'point', id } : null)}
    />
  ) : node ? (
    <NodeEditor planId={plan.id} node={node} points={plan.points} editable={editable} />
  ) : (
    <Pane label={t('draft.panes.editor')} title={t('draft.panes.editor')}>
      <Empty description={t('draft.selectHint')} />
    </Pane>
  );

  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: 12,
        // The frame's header (64) and the content's padding (2 × 24) stay; the panes take the rest.
        height: wide ? 'calc(100vh - 112px)' : undefined,
        minHeight: wide ? 560 : undefined,
      }}
    >
      <DraftHeader
        plan={plan}
        problems={problems}
        editable={editable}
        onlyUnready={onlyUnready}
        onOnlyUnready={setOnlyUnready}
        onAdd={() => setDialog('add')}
        onBulk={() => setDialog('bulk')}
        onPolicy={() => setDialog('policy')}
      />
      <div
        style={
          wide
            ? {
                flex: 1,
                minHeight: 0,
                display: 'grid',
                gridTemplateColumns: 'minmax(240px, 0.9fr) minmax(360px, 1.2fr) minmax(280px, 1fr)',
                gap: 12,
              }
            : { display: 'grid', gridTemplateRows: 'repeat(3, minmax(360px, 70vh))', gap: 12 }
        }
      >
        <Pane label={t('draft.panes.tree')} title={t('draft.panes.tree')}>
          <PlanTree
            plan={plan}
            problems={problems}
            selected={selected}
            onSelect={select}
            editable={editable}
            onlyUnready={onlyUnready}
          />
        </Pane>
        {editor}
        <SourcePane plan={plan} point={point} />
      </div>
      {dialog === 'add' && (
        <AddPointModal
          plan={plan}
          nodes={nodes}
          defaultNodeId={node?.id ?? point?.nodeId ?? undefined}
          onClose={(id) => {
            setDialog(null);
            if (id) select({ kind: 'point', id });
          }}
        />
      )}
      {dialog === 'bulk' && (
        <BulkFillModal
          plan={plan}
          departments={departments}
          supervisors={supervisors}
          today={today}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'policy' && <PolicyModal plan={plan} onClose={() => setDialog(null)} />}
    </div>
  );
}
