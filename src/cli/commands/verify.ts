import { stat } from 'node:fs/promises';
import { loadProjectConfig } from '../../config/load-config.js';
import { resolveRuleSettings } from '../../config/rule-settings.js';
import { pathProblems } from '../../project/discover.js';
import { allRuleMetas } from '../../rules/registry.js';
import { loadMigrations, noMigrationsNote } from '../../sources/migrations/list-migrations.js';
import { STDIN_ARGUMENT } from '../../util/stdin.js';
import { runVerify } from '../../verify/run-verify.js';
import type { CliArgs } from '../args.js';
import { UsageError } from '../usage-error.js';
import type { CommandResult } from './check.js';
import { configuredMigrationFormat } from './migration-format.js';

/**
 * `pgvigil verify <dir>`: every migration up, down and up again, on the embedded engine or in a
 * scratch database on the --db server; each way the down step fails to restore the schema (or the
 * rows) is a finding.
 */
export async function verifyCommand(args: CliArgs): Promise<CommandResult> {
  const [dir, ...extra] = args.positionals;
  if (dir === undefined || extra.length > 0)
    throw new UsageError('verify takes one migrations directory; run pgvigil --help.');
  if (dir === STDIN_ARGUMENT)
    throw new UsageError(
      'verify takes a migrations directory, which standard input (-) cannot be: up, down and up again need each migration’s steps. pgvigil lint - reads one migration from it.',
    );
  if (!(await stat(dir).catch(() => undefined))?.isDirectory())
    throw new UsageError(`${dir} is not a directory; give the migrations directory to verify.`);
  const loaded = await loadProjectConfig('.', args.config, { rules: allRuleMetas });
  if (loaded.errors.length > 0)
    throw new UsageError(loaded.errors.map((error) => error.userMessage).join('\n'));
  const schemaFiles = args.schema.length > 0 ? args.schema : loaded.config.schema;
  const problems = await pathProblems({ root: dir, schemaFiles });
  if (problems.length > 0) throw new UsageError(`${problems.join('; ')}; check the path.`);
  const format = configuredMigrationFormat(loaded.config);
  const migrations = await loadMigrations(dir, format);
  const empty = noMigrationsNote(dir, migrations, format !== undefined);
  const settings = resolveRuleSettings(loaded.config, allRuleMetas);
  const result = await runVerify(
    { schemaFiles, migrations: migrations.migrations, settings, withData: args.withData },
    {
      ...(args.db !== undefined && { db: args.db }),
      ...(args.timeoutMs !== undefined && { timeoutMs: args.timeoutMs }),
    },
  );
  return {
    diagnostics: [...migrations.diagnostics, ...result.diagnostics],
    sources: result.sources,
    filesChecked: result.sources.size,
    failOn: args.failOn ?? loaded.config.failOn,
    ...(result.partial && { partial: result.partial }),
    ...(empty && { notes: [empty] }),
  };
}
