import type { RelationKind } from '../observe/relation-state.js';

/** A relation the files read so far created: schema files, then earlier statements of the run. */
export interface KnownRelation {
  readonly kind: RelationKind;
  /** For an index: its table, schema-qualified. */
  readonly table?: string;
}

export interface KnownColumn {
  /** Unqualified, lower-case type name, as ALTER DOMAIN names a domain. */
  readonly type: string;
  readonly notNull: boolean;
}

/** A column the statement added or changed; the type stays what it was when not given. */
export interface ColumnChange {
  readonly table: string;
  readonly column: string;
  readonly type?: string;
  readonly notNull: boolean;
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
  /** Columns of the tables the files created, by table: their type (for ALTER DOMAIN) and NOT NULL (for SET NOT NULL). */
  readonly columns: ReadonlyMap<string, ReadonlyMap<string, KnownColumn>>;
  /** Unquoted schema names, as SET search_path gave them; "$user" left out. */
  readonly searchPath: readonly string[];
}

export const EMPTY_CATALOG: StaticCatalog = {
  relations: new Map(),
  checks: [],
  columns: new Map(),
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
  readonly columns?: readonly ColumnChange[];
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

function relationsAfter(catalog: StaticCatalog, effects: CatalogEffects, dropped: ReadonlySet<string>) {
  if (effects.created.length === 0 && dropped.size === 0 && !effects.renamed) return catalog.relations;
  let relations = new Map(
    dropped.size === 0
      ? catalog.relations
      : [...catalog.relations].filter(
          ([name, known]) => !dropped.has(name) && !dropped.has(known.table ?? ''),
        ),
  );
  for (const { relation, ...known } of effects.created) relations.set(relation, known);
  if (effects.renamed) relations = renameRelations(relations, effects.renamed.from, effects.renamed.to);
  return relations;
}

function checksAfter(catalog: StaticCatalog, effects: CatalogEffects, dropped: ReadonlySet<string>) {
  if (effects.checksAdded.length === 0 && effects.validated.length === 0 && dropped.size === 0)
    return catalog.checks;
  const validated = (check: KnownCheck) =>
    effects.validated.some((v) => v.table === check.table && v.name === check.name);
  return [...catalog.checks, ...effects.checksAdded]
    .filter((check) => !dropped.has(check.table))
    .map((check) => (validated(check) ? { ...check, validated: true } : check));
}

function columnsAfter(catalog: StaticCatalog, effects: CatalogEffects, dropped: ReadonlySet<string>) {
  const changes = effects.columns ?? [];
  const { renamed } = effects;
  if (changes.length === 0 && dropped.size === 0 && !renamed) return catalog.columns;
  const tables = new Map(
    [...catalog.columns]
      .filter(([table]) => !dropped.has(table))
      .map(([table, columns]) => [table === renamed?.from ? renamed.to : table, columns] as const),
  );
  for (const { table, column, type, notNull } of changes) {
    const columns = new Map(tables.get(table));
    columns.set(column, { type: type ?? columns.get(column)?.type ?? '', notNull });
    tables.set(table, columns);
  }
  return tables;
}

/** The catalog after a statement; parts the statement left alone are shared, not copied. */
export function applyEffects(catalog: StaticCatalog, effects: CatalogEffects): StaticCatalog {
  if (effects === NO_EFFECTS) return catalog;
  const dropped = new Set(effects.dropped);
  return {
    relations: relationsAfter(catalog, effects, dropped),
    checks: checksAfter(catalog, effects, dropped),
    columns: columnsAfter(catalog, effects, dropped),
    searchPath: effects.searchPath ?? catalog.searchPath,
  };
}
