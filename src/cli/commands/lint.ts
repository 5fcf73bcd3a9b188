import { stat } from 'node:fs/promises';
import type { CheckResult } from '../../check/run-check.js';
import { loadProjectConfig } from '../../config/load-config.js';
import { resolveRuleSettings } from '../../config/rule-settings.js';
import type { Engine } from '../../engine/engine.js';
import { readLiveTableSizes } from '../../migrate/table-sizes.js';
import { type ProjectLayout, pathProblems } from '../../project/discover.js';
import { allRuleMetas } from '../../rules/registry.js';
import type { MigrationFormat } from '../../sources/migrations/migration.js';
import { traceOnServer } from '../../trace/trace-on-server.js';
import { withTrace } from '../../trace/trace-settings.js';
import { inputPath } from '../../util/stdin.js';
import type { CliArgs } from '../args.js';
import { UsageError } from '../usage-error.js';
import type { CommandResult } from './check.js';
import { configuredMigrationFormat } from './migration-format.js';

async function layoutFor(
  paths: readonly string[],
  schema: readonly string[],
  migrationFormat: MigrationFormat | undefined,
): Promise<ProjectLayout> {
  const kinds = await Promise.all(
    paths.map(async (path) => (await stat(path).catch(() => undefined))?.isDirectory()),
  );
  const dirs = paths.filter((_, i) => kinds[i] === true);
  if (dirs.length > 1)
    throw new UsageError(`lint takes one migrations directory (or files); got ${dirs.join(', ')}.`);
  const layout: ProjectLayout = {
    root: dirs[0] ?? '.',
    schemaFiles: schema,
    migrationsDir: dirs[0],
    migrationFiles: paths.filter((_, i) => kinds[i] !== true),
    ...(migrationFormat && { migrationFormat }),
  };
  const problems = await pathProblems(layout);
  if (problems.length > 0) throw new UsageError(`${problems.join('; ')}; check the path.`);
  return layout;
}

/**
 * `pgvigil lint <dir | file...>`: migration safety only. The --schema files load first (the
 * database as it stands), then each migration runs as its tool would, judged statement by statement.
 * With --static no engine starts: the same rules judge what the parse tree predicts.
 */
export async function lintCommand(args: CliArgs): Promise<CommandResult> {
  if (args.positionals.length === 0)
    throw new UsageError('lint needs a migrations directory or files; run pgvigil --help.');
  const loaded = await loadProjectConfig('.', args.config, { rules: allRuleMetas });
  if (loaded.errors.length > 0)
    throw new UsageError(loaded.errors.map((error) => error.userMessage).join('\n'));
  const layout = await layoutFor(
    args.positionals.map(inputPath),
    args.schema.length > 0 ? args.schema : loaded.config.schema,
    configuredMigrationFormat(loaded.config),
  );
  const configured = resolveRuleSettings(loaded.config, allRuleMetas);
  const settings = args.trace ? withTrace(configured) : configured;
  const tableSizes = args.db ? await readLiveTableSizes(args.db) : undefined;
  const options = {
    ...(args.transaction ? { transaction: args.transaction } : {}),
    ...(args.pgVersion ? { serverVersion: args.pgVersion } : {}),
  };
  // Loaded on demand: static mode needs neither the engine nor its modules, and starts faster without them.
  const check = async (engine?: Engine): Promise<CheckResult> =>
    (await import('../../check/run-check.js')).runCheck(layout, settings, {
      schemaRules: false,
      ...options,
      ...(tableSizes && { tableSizes }),
      ...(engine && { engine }),
    });
  const result = args.static
    ? await (await import('../../static/lint-static.js')).lintStatic(layout, settings, options)
    : args.trace && args.db
      ? await traceOnServer(args.db, args.timeoutMs, check)
      : await check();
  return { ...result, filesChecked: result.sources.size, failOn: args.failOn ?? loaded.config.failOn };
}
