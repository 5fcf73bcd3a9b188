/** The public library API of pgvigil. */

export type { CatalogChange } from './catalog/index.js';
export { diffCatalogs, readCatalog } from './catalog/index.js';
export type * from './catalog/model.js';
export { type CheckResult, runCheck } from './check/run-check.js';
export type { EffectiveConfig, PgvigilConfig } from './config/config.js';
export { ConfigError } from './config/config-error.js';
export { loadConfig, loadProjectConfig } from './config/load-config.js';
export { type RuleSettings, resolveRuleSettings } from './config/rule-settings.js';
export type { Category, Diagnostic, Fix, Severity, TextEdit } from './diagnostics/diagnostic.js';
export type { RuleMeta } from './diagnostics/rule-meta.js';
export type { SourceSpan } from './diagnostics/source-span.js';
export { ConnectionError } from './engine/connection-error.js';
export type { Engine } from './engine/engine.js';
export { openEngine } from './engine/open.js';
export { openPglite } from './engine/pglite.js';
export { withScratchDatabase } from './engine/scratch.js';
export { openServer } from './engine/server.js';
export {
  HealthError,
  type HealthOptions,
  type HealthResult,
  runHealth,
  type ServerHealth,
} from './live/index.js';
export {
  type PoolingOptions,
  type PoolingReport,
  runPooling,
} from './pooling/run-pooling.js';
export { discoverProject, type ProjectLayout } from './project/discover.js';
export { type Format, formats, type Report, render } from './reporters/index.js';
export { allRuleMetas, findRuleMeta, schemaRules } from './rules/registry.js';
export type { Finding, SchemaRule, SchemaRuleContext } from './rules/schema-rule.js';
export { type RunningServe, type ServeOptions, startServe } from './serve/serve.js';
export { fingerprint, initSql, normalize, splitStatements } from './sql/index.js';
export { type ExportStatsOptions, exportStats } from './stats/export-stats.js';
export { readStatsFile } from './stats/read-stats-file.js';
export { type RestoredStats, restoreStats } from './stats/restore-stats.js';
export { StatsError } from './stats/stats-error.js';
export {
  type ColumnStats,
  type SkippedTable,
  STATS_FORMAT,
  STATS_FORMAT_VERSION,
  type StatsFile,
  type TableStats,
} from './stats/stats-file.js';
