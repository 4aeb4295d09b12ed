import { useMemo } from 'react';
import { useApi } from '../../api/hooks';
import type { ApiResponses } from '../../api/responses';

export type DepartmentNode = ApiResponses['get /api/departments/tree'][number];

/** A department as antd Tree and TreeSelect take it. */
export interface DepartmentOption {
  key: string;
  value: string;
  title: string;
  children: DepartmentOption[];
}

export function toOptions(nodes: DepartmentNode[]): DepartmentOption[] {
  return nodes.map((n) => ({
    key: n.id,
    value: n.id,
    title: n.name,
    children: toOptions(n.children),
  }));
}

/** Every department of the tree, depth first, as the office lists them. */
export function flatten(nodes: DepartmentNode[]): DepartmentNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** The organisation tree, with options for pickers and names by id. */
export function useDepartments() {
  const query = useApi('get /api/departments/tree', undefined, { staleTime: 60_000 });
  const derived = useMemo(() => {
    const nodes = query.data ?? [];
    const all = flatten(nodes);
    return {
      options: toOptions(nodes),
      names: new Map(all.map((d) => [d.id, d.name])),
      all,
    };
  }, [query.data]);
  return { query, ...derived };
}
