import type { Node } from '@pgsql/types';

/** The name of a parse node's type, e.g. 'CreateStmt', 'IndexStmt', 'ColumnDef'. */
export type NodeTag = Node extends infer U ? (U extends unknown ? keyof U : never) : never;

/** The payload of a parse node of type K (the object inside `{ K: ... }`). */
export type NodeOf<K extends NodeTag> =
  Extract<Node, Record<K, unknown>> extends infer U ? (U extends Record<K, infer V> ? V : never) : never;
