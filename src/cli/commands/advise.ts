import { AdviseError } from '../../advisor/advise-error.js';
import { renderAdvisePreface } from '../../advisor/advise-report.js';
import { indexAdviceMeta } from '../../advisor/index-advice-meta.js';
import { runAdvise } from '../../advisor/run-advise.js';
import { loadProjectConfig } from '../../config/load-config.js';
import { resolveRuleSettings } from '../../config/rule-settings.js';
import { DEFAULT_STATEMENT_TIMEOUT_MS } from '../../engine/session-settings.js';
import { ExplainError } from '../../explain/explain-error.js';
import { allRuleMetas } from '../../rules/registry.js';
import { StatsError } from '../../stats/stats-error.js';
import { inputPath } from '../../util/stdin.js';
import type { CliArgs } from '../args.js';
import { UsageError } from '../usage-error.js';
import type { CommandResult } from './check.js';
import { embeddedSetup } from './embedded-data.js';

/** `pgvigil advise <queries dir | file.sql | --log file>`: indexes for the workload, each proven by the planner. */
export async function adviseCommand(args: CliArgs): Promise<CommandResult> {
  const [input, ...extra] = args.positionals;
  if ((input === undefined && !args.db && args.log === undefined) || extra.length > 0)
    throw new UsageError(
      'advise takes one queries folder or .sql file, or --log <postgres log> (with --db and neither, pg_stat_statements); run pgvigil --help.',
    );
  if (input !== undefined && args.log !== undefined)
    throw new UsageError(`advise takes one workload: ${input} or --log ${args.log}, not both.`);
  const loaded = await loadProjectConfig('.', args.config, { rules: allRuleMetas });
  if (loaded.errors.length > 0)
    throw new UsageError(loaded.errors.map((error) => error.userMessage).join('\n'));
  const embedded = await embeddedSetup(args, loaded);
  const thresholds =
    resolveRuleSettings(loaded.config, allRuleMetas).get(indexAdviceMeta.id)?.thresholds ?? {};
  try {
    const result = await runAdvise({
      ...(input !== undefined && { input: inputPath(input) }),
      ...(args.log !== undefined && { log: inputPath(args.log) }),
      ...(args.logPrefix !== undefined && { logPrefix: args.logPrefix }),
      ...embedded,
      timeoutMs: args.timeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      minSavedShare: thresholds.minSavedShare ?? 0.3,
      maxIndexes: args.maxIndexes ?? thresholds.maxIndexes ?? 10,
      ...(args.db !== undefined && { db: args.db }),
      ...(args.scratch && { scratch: true }),
    });
    return {
      diagnostics: result.diagnostics,
      sources: result.sources,
      filesChecked: result.sources.size,
      failOn: args.failOn ?? loaded.config.failOn,
      preface: renderAdvisePreface(result, args.color),
    };
  } catch (error) {
    if (error instanceof AdviseError || error instanceof ExplainError || error instanceof StatsError)
      throw new UsageError(error.userMessage);
    throw error;
  }
}
