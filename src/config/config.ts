import type { Severity } from '../diagnostics/diagnostic.js';

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

/** pgvigil.config.json as the user writes it. Paths are relative to the config file. */
export interface PgvigilConfig {
  readonly schema?: string | readonly string[];
  readonly migrations?: { readonly dir: string; readonly format?: MigrationFormat };
  readonly queries?: string;
  readonly code?: string;
  readonly pgVersion?: number;
  readonly failOn?: Severity;
  readonly rules?: Readonly<Record<string, RuleConfig>>;
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
}

export const DEFAULT_CONFIG: EffectiveConfig = { schema: [], failOn: 'error', rules: {} };

/** Looked for, in this order, in the checked directory when --config is not given. */
export const CONFIG_FILE_NAMES = ['pgvigil.config.json', 'pgvigil.config.mjs', 'pgvigil.config.js'] as const;

export const CONFIG_KEYS: readonly (keyof PgvigilConfig)[] = [
  'schema',
  'migrations',
  'queries',
  'code',
  'pgVersion',
  'failOn',
  'rules',
];
