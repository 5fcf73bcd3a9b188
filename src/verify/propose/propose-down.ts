import type { CatalogSnapshot } from '../../catalog/model.js';
import { joinParts } from './down-part.js';
import { functionDowns, policyDrops, triggerDowns, typeAndSchemaDowns, viewDowns } from './objects.js';
import { columnDowns, constraintDowns, indexDowns, tableDrops } from './relations.js';

/** A down step generated from the difference S1 − S0, or what generated SQL cannot undo. */
export type ProposedDown =
  | { readonly kind: 'sql'; readonly sql: string }
  | { readonly kind: 'irreversible'; readonly reasons: readonly string[] }
  | { readonly kind: 'nothing' };

/**
 * SQL that takes the schema from s1 (after the up step) back to s0, in dependency order: what
 * hangs on tables first (triggers, policies, views), then constraints, indexes and columns, the
 * tables the up created, then the types, functions and schemas they used; what the up removed is
 * created again last. `concurrently`: the migration runs outside a transaction, so indexes are
 * dropped and built without blocking writes.
 */
export function proposeDown(s0: CatalogSnapshot, s1: CatalogSnapshot, concurrently: boolean): ProposedDown {
  const proposed = generate(s0, s1, concurrently);
  // Several statements go to the server as one string, an implicit transaction CONCURRENTLY fails in.
  if (concurrently && proposed.kind === 'sql' && proposed.sql.split(';\n').length > 1)
    return generate(s0, s1, false);
  return proposed;
}

function generate(s0: CatalogSnapshot, s1: CatalogSnapshot, concurrently: boolean): ProposedDown {
  const [triggers, views] = [triggerDowns(s0, s1), viewDowns(s0, s1)];
  const [constraints, indexes] = [constraintDowns(s0, s1), indexDowns(s0, s1, concurrently)];
  const down = joinParts([
    triggers.drop,
    policyDrops(s0, s1),
    views.drop,
    constraints.drop,
    indexes.drop,
    columnDowns(s0, s1),
    tableDrops(s0, s1),
    functionDowns(s0, s1),
    typeAndSchemaDowns(s0, s1),
    constraints.add,
    indexes.add,
    views.add,
    triggers.add,
  ]);
  if (down.irreversible.length > 0) return { kind: 'irreversible', reasons: down.irreversible };
  if (down.statements.length === 0) return { kind: 'nothing' };
  return { kind: 'sql', sql: down.statements.map((statement) => `${statement};`).join('\n') };
}
