import type { DepartmentNode, DepartmentView } from '@workpoints/contracts';
import type { DepartmentEntity } from '@workpoints/persistence';
import { iso } from '../common/wire';

export function toDepartmentView(d: DepartmentEntity): DepartmentView {
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    kind: d.kind,
    parentId: d.parentId,
    position: d.position,
    createdAt: iso(d.createdAt),
  };
}

/** A department as a node of the tree, before its children are hung under it. */
export function toDepartmentNode(d: DepartmentEntity): DepartmentNode {
  return { id: d.id, code: d.code, name: d.name, kind: d.kind, parentId: d.parentId, children: [] };
}
