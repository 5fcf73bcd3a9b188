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

/*
 * One catalog is walked forward through a migration history of hundreds of relations: applyEffects
 * changes its maps in place (a copy per statement made long histories quadratic). Whoever needs the
 * catalog as it was keeps a cloneCatalog.
 */

export function cloneCatalog(catalog: StaticCatalog): StaticCatalog {
  return {
    relations: new Map(catalog.relations),
    checks: [...catalog.checks],
    columns: new Map([...catalog.columns].map(([table, columns]) => [table, new Map(columns)])),
    searchPath: catalog.searchPath,
  };
}

function changeRelations(
  catalog: StaticCatalog,
  effects: CatalogEffects,
  dropped: ReadonlySet<string>,
): void {
  const relations = catalog.relations as Map<string, KnownRelation>;
  if (dropped.size > 0)
    for (const [name, known] of relations)
      if (dropped.has(name) || dropped.has(known.table ?? '')) relations.delete(name);
  for (const { relation, ...known } of effects.created) relations.set(relation, known);
  const { renamed } = effects;
  if (!renamed) return;
  // Renamed in place, order kept: the entry under the new name takes the old one's position.
  const entries = [...relations];
  relations.clear();
  for (const [name, known] of entries)
    relations.set(
      name === renamed.from ? renamed.to : name,
      known.table === renamed.from ? { ...known, table: renamed.to } : known,
    );
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

function changeColumns(catalog: StaticCatalog, effects: CatalogEffects, dropped: ReadonlySet<string>): void {
  const tables = catalog.columns as Map<string, Map<string, KnownColumn>>;
  for (const table of dropped) tables.delete(table);
  const { renamed } = effects;
  const moved = renamed && tables.get(renamed.from);
  if (renamed && moved) {
    tables.delete(renamed.from);
    tables.set(renamed.to, moved);
  }
  for (const { table, column, type, notNull } of effects.columns ?? []) {
    let columns = tables.get(table);
    if (!columns) {
      columns = new Map();
      tables.set(table, columns);
    }
    columns.set(column, { type: type ?? columns.get(column)?.type ?? '', notNull });
  }
}

/** The catalog after a statement: `catalog` itself, changed in place (see cloneCatalog). */
export function applyEffects(catalog: StaticCatalog, effects: CatalogEffects): StaticCatalog {
  if (effects === NO_EFFECTS) return catalog;
  const dropped = new Set(effects.dropped);
  changeRelations(catalog, effects, dropped);
  changeColumns(catalog, effects, dropped);
  const checks = checksAfter(catalog, effects, dropped);
  const searchPath = effects.searchPath ?? catalog.searchPath;
  if (checks === catalog.checks && searchPath === catalog.searchPath) return catalog;
  return { ...catalog, checks, searchPath };
}
