import type { Severity } from '../diagnostics/diagnostic.js';
import type { Distribution } from '../explain/distribution.js';

export const MIGRATION_FORMATS = [
  'auto',
  'golang-migrate',
  'plain',
  'dbmate',
  'flyway',
  'node-pg-migrate',
  'sqitch',
  'prisma',
  'drizzle',
  'pop',
] as const;
export type MigrationFormat = (typeof MIGRATION_FORMATS)[number];

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export type RuleLevel = 'off' | Severity;
export const RULE_LEVELS: readonly RuleLevel[] = ['off', ...SEVERITIES];

export interface RuleConfigObject {
  readonly severity?: RuleLevel;
  /** Threshold overrides, keyed like RuleMeta.thresholds. */
  readonly options?: Readonly<Record<string, number>>;
}
export type RuleConfig = RuleLevel | RuleConfigObject;

/** `data` after loading: what explain and advise give the embedded engine's tables (the flags win). */
export interface DataConfig {
  /** Rows of every table no other entry names ("*"; --rows N). */
  readonly rows?: number;
  /** Rows of the tables named (--rows posts=500000). */
  readonly tableRows: ReadonlyMap<string, number>;
  /** How values spread over a column, by "table.column" (--distribution). */
  readonly distributions: ReadonlyMap<string, Distribution>;
  /** A `pgvigil stats export` file (--stats), joined to the config file's directory. */
  readonly stats?: string;
}

/** pgvigil.config.json as the user writes it. Paths are relative to the config file. */
export interface PgvigilConfig {
  readonly schema?: string | readonly string[];
  readonly migrations?: { readonly dir: string; readonly format?: MigrationFormat };
  readonly queries?: string;
  readonly code?: string;
  readonly pgVersion?: number;
  readonly failOn?: Severity;
  readonly rules?: Readonly<Record<string, RuleConfig>>;
  readonly data?: {
    readonly rows?: Readonly<Record<string, number>>;
    readonly distributions?: Readonly<Record<string, string | readonly string[]>>;
    readonly stats?: string;
  };
}

/** The config after loading: defaults filled in, paths joined to the config file's directory. */
export interface EffectiveConfig {
  readonly schema: readonly string[];
  readonly migrations?: { readonly dir: string; readonly format: MigrationFormat };
  readonly queries?: string;
  readonly code?: string;
  readonly pgVersion?: number;
  readonly failOn: Severity;
  readonly rules: Readonly<Record<string, RuleConfig>>;
  readonly data?: DataConfig;
}

export const DEFAULT_CONFIG: EffectiveConfig = { schema: [], failOn: 'error', rules: {} };

/** Looked for, in this order, in the checked directory when --config is not given. */
export const CONFIG_FILE_NAMES = ['pgvigil.config.json', 'pgvigil.config.mjs', 'pgvigil.config.js'] as const;

/**
 * Config files Node cannot load without a TypeScript compiler: looked for after the others, so
 * that one is reported (LoadedConfig.errors) instead of ignored with its settings.
 */
export const TYPESCRIPT_CONFIG_NAMES = [
  'pgvigil.config.ts',
  'pgvigil.config.mts',
  'pgvigil.config.cts',
] as const;

export const CONFIG_KEYS: readonly (keyof PgvigilConfig)[] = [
  'schema',
  'migrations',
  'queries',
  'code',
  'pgVersion',
  'failOn',
  'rules',
  'data',
];
