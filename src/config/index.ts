export type {
  EffectiveConfig,
  MigrationFormat,
  PgvigilConfig,
  RuleConfig,
  RuleConfigObject,
  RuleLevel,
} from './config.js';
export { CONFIG_FILE_NAMES, DEFAULT_CONFIG, MIGRATION_FORMATS } from './config.js';
export { ConfigError } from './config-error.js';
export { findConfigFile, type LoadedConfig, loadConfig, loadProjectConfig } from './load-config.js';
export { type RuleSettings, resolveRuleSettings } from './rule-settings.js';
export { type ValidatedConfig, validateConfig } from './validate-config.js';
