import type { ObservedRelation, RelationKind, RelationState } from './relation-state.js';

export interface RelationRef {
  /** Schema-qualified name. */
  readonly relation: string;
  readonly kind: RelationKind;
}

/** What one statement did to storage, judged by oid and file node: nothing here is inferred from its text. */
export interface RelationChanges {
  /** Same oid, new file: the rows were copied (a rewrite, or TRUNCATE, or an index rebuilt). */
  readonly rewritten: readonly RelationRef[];
  readonly created: readonly RelationRef[];
  readonly dropped: readonly RelationRef[];
}

function ref(relation: ObservedRelation): RelationRef {
  return { relation: relation.name, kind: relation.kind };
}

/** Code-point order: the same on every machine, unlike localeCompare, which skips the quotes. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byName(a: RelationRef, b: RelationRef): number {
  return compareNames(a.relation, b.relation);
}

export function compareRelationStates(before: RelationState, after: RelationState): RelationChanges {
  const rewritten: RelationRef[] = [];
  const created: RelationRef[] = [];
  for (const [oid, now] of after.relations) {
    const then = before.relations.get(oid);
    if (!then) created.push(ref(now));
    else if (then.filenode !== now.filenode) rewritten.push(ref(now));
  }
  const dropped = [...before.relations.values()].filter((r) => !after.relations.has(r.oid)).map(ref);
  return { rewritten: rewritten.sort(byName), created: created.sort(byName), dropped: dropped.sort(byName) };
}
