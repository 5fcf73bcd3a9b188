import type { Severity } from '../diagnostics/diagnostic.js';
import type { RuleMeta } from '../diagnostics/rule-meta.js';
import {
  CONFIG_KEYS,
  DEFAULT_CONFIG,
  type EffectiveConfig,
  MIGRATION_FORMATS,
  type MigrationFormat,
  SEVERITIES,
} from './config.js';
import { ConfigError } from './config-error.js';
import {
  type Complain,
  checkKeys,
  describeValue,
  didYouMean,
  isPlainObject,
  oneOf,
} from './describe-value.js';
import { validateData } from './validate-data.js';
import { validateRules } from './validate-rules.js';

export interface ValidatedConfig {
  /** Defaults plus every valid setting; invalid ones are left out so the rest still applies. */
  readonly config: EffectiveConfig;
  readonly errors: readonly ConfigError[];
}

/** Checks a parsed config object, collecting every mistake rather than stopping at the first. */
export function validateConfig(raw: unknown, file: string, metas: readonly RuleMeta[]): ValidatedConfig {
  const errors: ConfigError[] = [];
  const complain: Complain = (keyPath, problem) => errors.push(new ConfigError(file, keyPath, problem));
  if (!isPlainObject(raw)) {
    complain('', `must contain a JSON object, got ${describeValue(raw)}.`);
    return { config: DEFAULT_CONFIG, errors };
  }
  // Editors add "$schema" for completion; it is not a setting.
  const { $schema: _editorSchema, ...settings } = raw;
  checkKeys(settings, CONFIG_KEYS, '', complain);
  const migrations =
    settings.migrations === undefined ? undefined : validateMigrations(settings.migrations, complain);
  const queries = optionalString(settings.queries, 'queries', complain);
  const code = optionalString(settings.code, 'code', complain);
  const pgVersion =
    settings.pgVersion === undefined ? undefined : validatePgVersion(settings.pgVersion, complain);
  const data = settings.data === undefined ? undefined : validateData(settings.data, complain);
  const config: EffectiveConfig = {
    schema: validateSchema(settings.schema, complain),
    failOn: validateFailOn(settings.failOn, complain),
    rules: settings.rules === undefined ? {} : validateRules(settings.rules, metas, complain),
    ...(migrations === undefined ? {} : { migrations }),
    ...(queries === undefined ? {} : { queries }),
    ...(code === undefined ? {} : { code }),
    ...(pgVersion === undefined ? {} : { pgVersion }),
    ...(data === undefined ? {} : { data }),
  };
  return { config, errors };
}

function validateSchema(value: unknown, complain: Complain): readonly string[] {
  if (value === undefined) return [];
  if (typeof value === 'string' && value !== '') return [value];
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string' && entry !== '')) return value;
  complain('schema', `must be a file path or an array of file paths, got ${describeValue(value)}.`);
  return [];
}

function validateMigrations(value: unknown, complain: Complain): EffectiveConfig['migrations'] {
  if (typeof value === 'string') {
    complain(
      'migrations',
      `must be an object such as {"dir": ${JSON.stringify(value)}}, got ${describeValue(value)}.`,
    );
    return undefined;
  }
  if (!isPlainObject(value)) {
    complain(
      'migrations',
      `must be an object with "dir" and optional "format", got ${describeValue(value)}.`,
    );
    return undefined;
  }
  checkKeys(value, ['dir', 'format'], 'migrations', complain);
  const dir = optionalString(value.dir, 'migrations.dir', complain);
  if (value.dir === undefined)
    complain('migrations.dir', 'is required: the folder that holds the migration files.');
  const format = value.format === undefined ? 'auto' : validateFormat(value.format, complain);
  return dir === undefined || format === undefined ? undefined : { dir, format };
}

function validateFormat(value: unknown, complain: Complain): MigrationFormat | undefined {
  const format = MIGRATION_FORMATS.find((candidate) => candidate === value);
  if (format === undefined) {
    const hint = typeof value === 'string' ? didYouMean(value, MIGRATION_FORMATS) : '';
    complain('migrations.format', `must be ${oneOf(MIGRATION_FORMATS)}, got ${describeValue(value)}.${hint}`);
  }
  return format;
}

function validatePgVersion(value: unknown, complain: Complain): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 10 && value <= 99) return value;
  complain('pgVersion', `must be a PostgreSQL major version number such as 16, got ${describeValue(value)}.`);
  return undefined;
}

function validateFailOn(value: unknown, complain: Complain): Severity {
  if (value === undefined) return DEFAULT_CONFIG.failOn;
  const severity = SEVERITIES.find((candidate) => candidate === value);
  if (severity !== undefined) return severity;
  const hint = typeof value === 'string' ? didYouMean(value, SEVERITIES) : '';
  complain('failOn', `must be ${oneOf(SEVERITIES)}, got ${describeValue(value)}.${hint}`);
  return DEFAULT_CONFIG.failOn;
}

function optionalString(value: unknown, keyPath: string, complain: Complain): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value !== '') return value;
  complain(keyPath, `must be a non-empty path string, got ${describeValue(value)}.`);
  return undefined;
}
