import type { EffectiveConfig } from '../../config/config.js';
import { MIGRATION_LOADERS } from '../../sources/migrations/list-migrations.js';
import type { MigrationFormat } from '../../sources/migrations/migration.js';
import { UsageError } from '../usage-error.js';

const SUPPORTED_FORMATS: ReadonlySet<string> = new Set(MIGRATION_LOADERS.map((loader) => loader.format));

/** The config's migrations.format for check, lint and verify: undefined to detect it from the folder. */
export function configuredMigrationFormat(config: EffectiveConfig): MigrationFormat | undefined {
  const format = config.migrations?.format;
  if (format === undefined || format === 'auto') return undefined;
  if (SUPPORTED_FORMATS.has(format)) return format as MigrationFormat;
  throw new UsageError(
    `migrations.format "${format}" is not supported; use one of ${[...SUPPORTED_FORMATS].join(', ')} (or "auto").`,
  );
}
