import { NODE_TAGS, UNWRAPPED_FIELDS } from './node-schema.js';
import type { NodeOf, NodeTag } from './node-types.js';

export interface Ancestor {
  readonly type: NodeTag;
  readonly node: unknown;
}

export interface NodePath {
  /** Object keys and array indices from the root to this node. */
  readonly keys: readonly (string | number)[];
  /** Enclosing nodes, outermost first (a Constraint's ColumnDef, that ColumnDef's CreateStmt...). */
  readonly ancestors: readonly Ancestor[];
}

/** A visitor that returns false skips the node's children; any other result (or none) continues. */
export type Visitor = {
  readonly [K in NodeTag]?: (node: NodeOf<K>, path: NodePath) => unknown;
};

type AnyVisit = (node: unknown, path: NodePath) => unknown;

/**
 * Visits every node of a parse tree in document order. Nodes come both wrapped
 * (`{ ColumnDef: {...} }`, for fields typed Node) and unwrapped (ColumnDef.typeName is a bare
 * TypeName); the generated UNWRAPPED_FIELDS table says which fields hold which bare type.
 */
export function walk(root: unknown, visitor: Visitor): void {
  visit(root, undefined, { keys: [], ancestors: [] }, visitor as Readonly<Record<string, AnyVisit>>);
}

/** Every node of one type under the root, in document order. */
export function collect<K extends NodeTag>(root: unknown, type: K): NodeOf<K>[] {
  const found: NodeOf<K>[] = [];
  const visitor = {
    [type]: (node: NodeOf<K>) => {
      found.push(node);
    },
  } as unknown as Visitor;
  walk(root, visitor);
  return found;
}

function visit(
  value: unknown,
  bareType: string | undefined,
  path: NodePath,
  visitor: Readonly<Record<string, AnyVisit>>,
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      visit(item, bareType, { ...path, keys: [...path.keys, index] }, visitor);
    });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (bareType) {
    enter(bareType, value, path, visitor);
    return;
  }
  const keys = Object.keys(value);
  const tag = keys.length === 1 ? keys[0] : undefined;
  if (tag && NODE_TAGS.has(tag)) {
    enter(tag, (value as Record<string, unknown>)[tag], { ...path, keys: [...path.keys, tag] }, visitor);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    visit(child, undefined, { ...path, keys: [...path.keys, key] }, visitor);
  }
}

function enter(
  type: string,
  node: unknown,
  path: NodePath,
  visitor: Readonly<Record<string, AnyVisit>>,
): void {
  if (node === null || typeof node !== 'object') return;
  if (visitor[type]?.(node, path) === false) return;
  const bareFields = UNWRAPPED_FIELDS[type];
  const inner: NodePath = {
    keys: path.keys,
    ancestors: [...path.ancestors, { type: type as NodeTag, node }],
  };
  for (const [key, child] of Object.entries(node)) {
    visit(child, bareFields?.[key], { ...inner, keys: [...inner.keys, key] }, visitor);
  }
}
