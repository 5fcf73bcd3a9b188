/**
 * One catalog snapshot, read from any engine. Plain readonly data: rules and the
 * snapshot diff read it, nothing mutates it. Names are unquoted identifiers;
 * `qualified` forms are quoted where needed (quote_ident rules) and schema-qualified.
 */

export interface CatalogSnapshot {
  readonly serverVersion: number;
  readonly schemas: readonly string[];
  readonly tables: readonly Table[];
  readonly indexes: readonly Index[];
  readonly constraints: readonly Constraint[];
  readonly sequences: readonly Sequence[];
  readonly views: readonly View[];
  readonly enums: readonly EnumType[];
  readonly functions: readonly FunctionDef[];
  readonly triggers: readonly Trigger[];
  readonly extensions: readonly Extension[];
  /** Row level security policies (pg_policy), in schema, table, name order. */
  readonly policies: readonly Policy[];
}

export interface RelationName {
  readonly schema: string;
  readonly name: string;
  /** Schema-qualified and quoted as needed: `public.posts`, `"My Schema"."T"`. */
  readonly qualified: string;
}

export interface Table extends RelationName {
  readonly oid: number;
  /** 'r' ordinary, 'p' partitioned. */
  readonly kind: 'table' | 'partitioned';
  /** Parent table when this is a partition. */
  readonly partitionOf?: RelationName;
  /** pg_get_expr of relpartbound, e.g. `FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`. */
  readonly partitionBound?: string;
  /** pg_get_partkeydef for partitioned tables, e.g. `RANGE (created_at)`. */
  readonly partitionKey?: string;
  /** reltuples; -1 when never analyzed (Postgres 14+). */
  readonly estimatedRows: number;
  readonly columns: readonly Column[];
  /** relrowsecurity and relforcerowsecurity: without `forced`, the table's owner bypasses RLS. */
  readonly rowSecurity: { readonly enabled: boolean; readonly forced: boolean };
  readonly comment?: string;
}

export interface Column {
  readonly name: string;
  readonly attnum: number;
  /** format_type(atttypid, atttypmod), e.g. `character varying(500)`. */
  readonly type: string;
  readonly notNull: boolean;
  /** pg_get_expr of the default, e.g. `nextval('posts_id_seq'::regclass)`. */
  readonly default?: string;
  readonly identity?: 'always' | 'by default';
  /** Generated column expression (stored or virtual). */
  readonly generated?: { readonly expression: string; readonly kind: 'stored' | 'virtual' };
  readonly collation?: string;
  readonly comment?: string;
}

export type IndexKey =
  | {
      readonly kind: 'column';
      readonly column: string;
      readonly opclass?: string;
      readonly collation?: string;
      readonly descending: boolean;
      readonly nullsFirst: boolean;
    }
  | {
      readonly kind: 'expression';
      readonly expression: string;
      readonly opclass?: string;
      readonly collation?: string;
      readonly descending: boolean;
      readonly nullsFirst: boolean;
    };

export interface Index extends RelationName {
  readonly oid: number;
  readonly table: RelationName;
  /** Access method: btree, hash, gin, gist, brin, spgist, ... */
  readonly method: string;
  /** Key columns and expressions, in order. INCLUDE columns are not keys. */
  readonly keys: readonly IndexKey[];
  readonly include: readonly string[];
  /** pg_get_expr of indpred. */
  readonly predicate?: string;
  readonly unique: boolean;
  /** UNIQUE NULLS NOT DISTINCT (pg_index.indnullsnotdistinct, PostgreSQL 15+; false before). */
  readonly nullsNotDistinct: boolean;
  readonly primary: boolean;
  readonly valid: boolean;
  /** Name of the constraint this index backs (PK, UNIQUE, EXCLUDE), if any. */
  readonly constraint?: string;
  /** Parent index when this is a partition's index attached to a partitioned index. */
  readonly parentIndex?: RelationName;
  /** pg_get_indexdef, for messages and diffs. */
  readonly definition: string;
  readonly sizeBytes: number;
  readonly comment?: string;
}

/**
 * NOT NULL is not a constraint kind here: Postgres 18 lists it in pg_constraint, 15 does not,
 * so it lives on Column.notNull and both engines give the same snapshot.
 */
export type ConstraintKind = 'primary key' | 'unique' | 'foreign key' | 'check' | 'exclude';

export type ReferentialAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';

export interface Constraint {
  readonly oid: number;
  readonly schema: string;
  readonly name: string;
  readonly table: RelationName;
  readonly kind: ConstraintKind;
  /** Constrained columns in constraint order (conkey). */
  readonly columns: readonly string[];
  /** false for NOT VALID constraints not yet validated. */
  readonly validated: boolean;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  /** pg_get_constraintdef. */
  readonly definition: string;
  /** Foreign keys only. */
  readonly references?: {
    readonly table: RelationName;
    readonly columns: readonly string[];
    readonly onDelete: ReferentialAction;
    readonly onUpdate: ReferentialAction;
  };
  /** Inherited from a parent table's constraint (conparentid <> 0, or not locally defined). */
  readonly inherited: boolean;
  readonly comment?: string;
}

export interface Sequence extends RelationName {
  readonly dataType: string;
  /** Text: int8 values may exceed Number.MAX_SAFE_INTEGER. */
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cycle: boolean;
  readonly cache: string;
  /** null when nextval was never called. Text: may exceed Number.MAX_SAFE_INTEGER. */
  readonly lastValue: string | null;
  /** Column owning the sequence (serial / identity), if any. */
  readonly ownedBy?: { readonly table: RelationName; readonly column: string };
  readonly comment?: string;
}

export interface View extends RelationName {
  readonly materialized: boolean;
  readonly definition: string;
  readonly comment?: string;
}

export interface EnumType {
  readonly schema: string;
  readonly name: string;
  readonly labels: readonly string[];
  readonly comment?: string;
}

export interface FunctionDef {
  readonly schema: string;
  readonly name: string;
  /** pg_get_function_identity_arguments */
  readonly arguments: string;
  readonly returns: string;
  readonly language: string;
  readonly volatility: 'immutable' | 'stable' | 'volatile';
  /** Hash of the definition (pg_get_functiondef) so diffs can say "body changed". */
  readonly definitionHash: string;
  readonly comment?: string;
}

export interface Trigger {
  readonly schema: string;
  readonly name: string;
  readonly table: RelationName;
  /** pg_get_triggerdef */
  readonly definition: string;
  readonly enabled: boolean;
  readonly comment?: string;
}

export interface Extension {
  readonly name: string;
  readonly version: string;
  readonly schema: string;
}

export type PolicyCommand = 'all' | 'select' | 'insert' | 'update' | 'delete';

/** A row level security policy (CREATE POLICY). */
export interface Policy {
  readonly schema: string;
  readonly name: string;
  readonly table: RelationName;
  readonly command: PolicyCommand;
  /** false for AS RESTRICTIVE. */
  readonly permissive: boolean;
  /** Role names, sorted; `public` for PUBLIC. */
  readonly roles: readonly string[];
  /** pg_get_expr of polqual (USING). */
  readonly using?: string;
  /** pg_get_expr of polwithcheck (WITH CHECK). */
  readonly withCheck?: string;
}
