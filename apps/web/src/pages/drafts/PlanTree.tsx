import { ExclamationCircleFilled } from '@ant-design/icons';
import { Tree, type TreeDataNode, type TreeProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/hooks';
import { type DraftPoint, type Plan, type PlanNode, type Problem, headingOf } from './draft';

export type Selection = { kind: 'point' | 'node'; id: string } | null;

interface Props {
  plan: Plan;
  problems: Map<string, Problem[]>;
  selected: Selection;
  onSelect: (s: Selection) => void;
  editable: boolean;
  onlyUnready: boolean;
}

interface Item extends TreeDataNode {
  key: string;
  first: number;
  children?: Item[];
}

const pointKey = (id: string) => `point:${id}`;
const nodeKey = (id: string) => `node:${id}`;

/** The plan as a tree of chapters, sections and numbered points; points can be dragged to move them. */
export function PlanTree({ plan, problems, selected, onSelect, editable, onlyUnready }: Props) {
  const { t } = useTranslation('coordinator');
  const byId = useMemo(() => new Map(plan.points.map((p) => [p.id, p])), [plan.points]);

  const items = useMemo(() => {
    const placed = new Set<string>();
    const pointItem = (p: DraftPoint): Item => {
      const unready = (problems.get(p.id) ?? []).length > 0;
      return {
        key: pointKey(p.id),
        first: p.number,
        isLeaf: true,
        title: (
          <span style={{ display: 'flex', alignItems: 'flex-start', gap: 6 }}>
            <span
              title={p.title}
              style={{
                display: '-webkit-box',
                WebkitLineClamp: 2,
                WebkitBoxOrient: 'vertical',
                overflow: 'hidden',
              }}
            >
              {`${p.number}. ${p.title}`}
            </span>
            {unready && (
              <ExclamationCircleFilled
                aria-label={t('draft.tree.unready')}
                style={{ color: '#cf1322', marginTop: 5 }}
              />
            )}
          </span>
        ),
      };
    };
    const visible = (p: DraftPoint) => !onlyUnready || (problems.get(p.id) ?? []).length > 0;
    const build = (nodes: PlanNode[]): Item[] =>
      nodes.flatMap((n) => {
        const points = n.pointIds.flatMap((id) => {
          const p = byId.get(id);
          if (!p) return [];
          placed.add(id);
          return visible(p) ? [pointItem(p)] : [];
        });
        const children = [...build(n.children as PlanNode[]), ...points].sort(
          (a, b) => a.first - b.first,
        );
        if (onlyUnready && children.length === 0) return [];
        return [
          {
            key: nodeKey(n.id),
            first: children[0]?.first ?? Number.MAX_SAFE_INTEGER,
            title: (
              <strong style={{ fontWeight: n.kind === 'chapter' ? 600 : 500 }}>
                {headingOf(n)}
              </strong>
            ),
            children,
          },
        ];
      });
    const tree = build(plan.nodes);
    const loose = plan.points.filter((p) => !placed.has(p.id) && visible(p)).map(pointItem);
    return [...tree, ...loose].sort((a, b) => a.first - b.first);
  }, [plan, byId, problems, onlyUnready, t]);

  const move = useAction(
    (v: { pointId: string; nodeId: string | null; number: number }) =>
      api('patch /api/plans/{planId}/points/{pointId}', {
        path: { planId: plan.id, pointId: v.pointId },
        body: { nodeId: v.nodeId, number: v.number },
      }),
    { done: t('draft.point.saved') },
  );

  const onDrop: TreeProps<Item>['onDrop'] = (info) => {
    const dragged = byId.get(String(info.dragNode.key).slice('point:'.length));
    if (!dragged) return;
    const targetKey = String(info.node.key);
    const at = Number(info.node.pos.split('-').pop());
    const relative = info.dropPosition - at;
    if (targetKey.startsWith('node:') && !info.dropToGap) {
      // Into a chapter or section: after its last point.
      const nodeId = targetKey.slice('node:'.length);
      const inside = plan.points.filter((p) => p.nodeId === nodeId && p.id !== dragged.id);
      const last = inside.reduce((m, p) => Math.max(m, p.number), 0);
      const number = last === 0 ? dragged.number : dragged.number < last ? last : last + 1;
      move.mutate({ pointId: dragged.id, nodeId, number });
      return;
    }
    const target = byId.get(targetKey.slice('point:'.length));
    if (!target || target.id === dragged.id) return;
    const after = relative >= 0;
    const T = target.number;
    const D = dragged.number;
    const number = after ? (D < T ? T : T + 1) : D < T ? T - 1 : T;
    move.mutate({ pointId: dragged.id, nodeId: target.nodeId, number: Math.max(1, number) });
  };

  const selectedKey = selected
    ? selected.kind === 'point'
      ? pointKey(selected.id)
      : nodeKey(selected.id)
    : null;

  return (
    <Tree<Item>
      key={onlyUnready ? 'unready' : 'all'}
      aria-label={t('draft.panes.treeLabel')}
      treeData={items}
      blockNode
      defaultExpandAll
      showLine={{ showLeafIcon: false }}
      selectedKeys={selectedKey ? [selectedKey] : []}
      onSelect={(keys) => {
        const key = keys[0] === undefined ? null : String(keys[0]);
        if (!key) return;
        const [kind, id] = key.split(':') as ['point' | 'node', string];
        onSelect({ kind, id });
      }}
      draggable={
        editable && !move.isPending
          ? { icon: false, nodeDraggable: (n) => String(n.key).startsWith('point:') }
          : false
      }
      allowDrop={({ dropNode, dropPosition }) =>
        String(dropNode.key).startsWith('node:') ? dropPosition === 0 : dropPosition !== 0
      }
      onDrop={onDrop}
    />
  );
}
