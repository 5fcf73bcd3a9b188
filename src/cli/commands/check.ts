import { stat } from 'node:fs/promises';
import { type CheckResult, runCheck } from '../../check/run-check.js';
import type { EffectiveConfig } from '../../config/config.js';
import { loadProjectConfig } from '../../config/load-config.js';
import { resolveRuleSettings } from '../../config/rule-settings.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Engine } from '../../engine/engine.js';
import type { PartialRun } from '../../migrate/incomplete-run.js';
import { readLiveTableSizes } from '../../migrate/table-sizes.js';
import { discoverProject, type ProjectLayout, pathProblems } from '../../project/discover.js';
import type { Report } from '../../reporters/report.js';
import { allRuleMetas } from '../../rules/registry.js';
import { traceOnServer } from '../../trace/trace-on-server.js';
import { withTrace } from '../../trace/trace-settings.js';
import { STDIN_ARGUMENT } from '../../util/stdin.js';
import type { CliArgs } from '../args.js';
import { UsageError } from '../usage-error.js';
import { configuredMigrationFormat } from './migration-format.js';

export interface CommandResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  readonly filesChecked: number;
  readonly failOn: EffectiveConfig['failOn'];
  /** Text format only: printed before the findings (explain's plan trees). */
  readonly preface?: string;
  /** Nothing to report at the end (serve printed its address and ran until stopped). */
  readonly silent?: boolean;
  /** Plans the command made (explain): the html format draws them. */
  readonly plans?: Report['plans'];
  /** A file the command makes instead of a report (stats export): to --output or stdout, its notes to stderr. */
  readonly document?: { readonly text: string; readonly notes: readonly string[] };
  /** The run stopped before its end: the report says so and the exit code is 2. */
  readonly partial?: PartialRun;
  /** Lines for stderr, whatever the format (not with --quiet): what is no finding yet should be seen. */
  readonly notes?: readonly string[];
}

async function requireDirectory(dir: string): Promise<void> {
  if (dir === STDIN_ARGUMENT)
    throw new UsageError(
      'check takes a project directory, which standard input (-) cannot be; pgvigil lint - reads one migration from it.',
    );
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory())
    throw new UsageError(`${dir} is not a directory; give the project directory to check.`);
}

async function layoutFor(dir: string, args: CliArgs, config: EffectiveConfig): Promise<ProjectLayout> {
  const layout = await discoverProject(dir, {
    schema: args.schema.length > 0 ? args.schema : config.schema,
    migrations: config.migrations && {
      dir: config.migrations.dir,
      format: configuredMigrationFormat(config),
    },
    queries: config.queries,
  });
  const problems = await pathProblems(layout);
  if (problems.length > 0) throw new UsageError(`${problems.join('; ')}; check the path or the config file.`);
  if (layout.schemaFiles.length === 0 && !layout.migrationsDir && !layout.queriesDir) {
    throw new UsageError(
      `nothing to check in ${dir}: no schema.sql or structure.sql, no migrations/ and no queries/ folder; pass --schema or write a pgvigil.config.json.`,
    );
  }
  return layout;
}

/** `pgvigil check [dir]`. */
export async function checkCommand(args: CliArgs): Promise<CommandResult> {
  const dir = args.positionals[0] ?? '.';
  if (args.positionals.length > 1) throw new UsageError('check takes one directory; run pgvigil --help.');
  await requireDirectory(dir);
  const loaded = await loadProjectConfig(dir, args.config, { rules: allRuleMetas });
  if (loaded.errors.length > 0)
    throw new UsageError(loaded.errors.map((error) => error.userMessage).join('\n'));
  const layout = await layoutFor(dir, args, loaded.config);
  const settings = resolveRuleSettings(loaded.config, allRuleMetas);
  const tableSizes = args.db ? await readLiveTableSizes(args.db) : undefined;
  const run = (engine?: Engine): Promise<CheckResult> =>
    runCheck(layout, args.trace ? withTrace(settings) : settings, {
      ...(tableSizes && { tableSizes }),
      ...(engine && { engine }),
    });
  // As lint: the trace writes, so with --db it runs in a scratch database on that server.
  const result = args.trace && args.db ? await traceOnServer(args.db, args.timeoutMs, run) : await run();
  return {
    ...result,
    filesChecked: result.sources.size,
    failOn: args.failOn ?? loaded.config.failOn,
  };
}
