import type { IsoDateTime } from './wire';

/** `bureau` is the root of the organisation (局); `division` a department under it (处室). */
export type DepartmentKind = 'bureau' | 'division';

/** One unit of the organisation. */
export interface DepartmentView {
  id: string;
  /** Short stable code used in usernames and imports, e.g. `bgs` for 办公室. */
  code: string;
  name: string;
  kind: DepartmentKind;
  parentId: string | null;
  /** Order among siblings, as the office lists its departments. */
  position: number;
  createdAt: IsoDateTime;
}

/** The organisation as a tree: a bureau and its divisions. */
export interface DepartmentNode {
  id: string;
  code: string;
  name: string;
  kind: DepartmentKind;
  parentId: string | null;
  children: DepartmentNode[];
}

/** A keyword rule behind department suggestions on import (商标 → 商标品牌处). */
export interface KeywordRuleView {
  id: string;
  keyword: string;
  departmentId: string;
  createdAt: IsoDateTime;
}
