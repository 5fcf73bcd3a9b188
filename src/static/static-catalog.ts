import type { RelationKind } from '../observe/relation-state.js';

/** A relation the files read so far created: schema files, then earlier statements of the run. */
export interface KnownRelation {
  readonly kind: RelationKind;
  /** For an index: its table, schema-qualified. */
  readonly table?: string;
}

/** A CHECK constraint of a table, for SET NOT NULL's scan: PostgreSQL 12+ skips it when a validated CHECK proves the column. */
export interface KnownCheck {
  readonly table: string;
  readonly name: string;
  /** The boolean expression as written. */
  readonly expression: string;
  readonly validated: boolean;
}

/**
 * What the parse trees of the statements read so far say exists: not a catalog, only what the
 * files themselves created, renamed and dropped. A relation named but never created here is
 * assumed to exist from before (large and busy), as it does in production.
 */
export interface StaticCatalog {
  readonly relations: ReadonlyMap<string, KnownRelation>;
  readonly checks: readonly KnownCheck[];
  /** Tables by the (unqualified, lower-case) type names of their columns: who an ALTER DOMAIN scans. */
  readonly typeUsers: ReadonlyMap<string, readonly string[]>;
  /** Unquoted schema names, as SET search_path gave them; "$user" left out. */
  readonly searchPath: readonly string[];
}

export const EMPTY_CATALOG: StaticCatalog = {
  relations: new Map(),
  checks: [],
  typeUsers: new Map(),
  searchPath: ['public'],
};

/** What one statement changed, as its parse tree says. */
export interface CatalogEffects {
  readonly created: readonly (KnownRelation & { readonly relation: string })[];
  readonly dropped: readonly string[];
  readonly renamed?: { readonly from: string; readonly to: string };
  readonly checksAdded: readonly KnownCheck[];
  /** Constraint names (of `table`) validated by VALIDATE CONSTRAINT. */
  readonly validated: readonly { readonly table: string; readonly name: string }[];
  readonly searchPath?: readonly string[];
  /** Column types the statement gave a table's columns. */
  readonly typesUsed?: readonly { readonly table: string; readonly type: string }[];
}

export const NO_EFFECTS: CatalogEffects = { created: [], dropped: [], checksAdded: [], validated: [] };

function renameRelations(
  relations: Map<string, KnownRelation>,
  from: string,
  to: string,
): Map<string, KnownRelation> {
  const entries = [...relations].flatMap(([name, known]): [string, KnownRelation][] => {
    const table = known.table === from ? { ...known, table: to } : known;
    return [[name === from ? to : name, table]];
  });
  return new Map(entries);
}

export function applyEffects(catalog: StaticCatalog, effects: CatalogEffects): StaticCatalog {
  if (effects === NO_EFFECTS) return catalog;
  const dropped = new Set(effects.dropped);
  let relations = new Map(
    [...catalog.relations].filter(([name, known]) => !dropped.has(name) && !dropped.has(known.table ?? '')),
  );
  for (const { relation, ...known } of effects.created) relations.set(relation, known);
  if (effects.renamed) relations = renameRelations(relations, effects.renamed.from, effects.renamed.to);
  const validated = (check: KnownCheck) =>
    effects.validated.some((v) => v.table === check.table && v.name === check.name);
  const checks = [...catalog.checks, ...effects.checksAdded]
    .filter((check) => !dropped.has(check.table))
    .map((check) => (validated(check) ? { ...check, validated: true } : check));
  const typeUsers = new Map(
    [...catalog.typeUsers].map(([type, tables]) => [type, tables.filter((t) => !dropped.has(t))] as const),
  );
  for (const { table, type } of effects.typesUsed ?? [])
    typeUsers.set(type, [...(typeUsers.get(type) ?? []), table]);
  return { relations, checks, typeUsers, searchPath: effects.searchPath ?? catalog.searchPath };
}
