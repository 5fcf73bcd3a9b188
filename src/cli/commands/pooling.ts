import { loadProjectConfig } from '../../config/load-config.js';
import { resolveRuleSettings } from '../../config/rule-settings.js';
import { PoolingInputError, runPooling } from '../../pooling/run-pooling.js';
import { poolSizeRecommendation } from '../../rules/pooling/pool-size-recommendation.js';
import { allRuleMetas } from '../../rules/registry.js';
import { LogFormatError } from '../../sources/logs/read-log.js';
import { inputPath } from '../../util/stdin.js';
import type { CliArgs } from '../args.js';
import { UsageError } from '../usage-error.js';
import type { CommandResult } from './check.js';

const LOG = /\.(?:log|csv|json|jsonl)(?:\.gz)?$|\.gz$/i;

/**
 * `pgvigil pooling [--db URL] [--app dir] [log | file.sql | dir]...`: the pooler in front, the
 * session features that break behind a transaction-mode pooler, driver settings, pool sizes.
 */
export async function poolingCommand(args: CliArgs): Promise<CommandResult> {
  const loaded = await loadProjectConfig('.', args.config, { rules: allRuleMetas });
  if (loaded.errors.length > 0)
    throw new UsageError(loaded.errors.map((error) => error.userMessage).join('\n'));
  const settings = resolveRuleSettings(loaded.config, allRuleMetas).get(poolSizeRecommendation.id);
  const paths = args.positionals.map(inputPath);
  const logs = paths.filter((path) => LOG.test(path));
  // `-`: SQL, as a file without a log's extension is.
  const sql = paths.filter((path) => !LOG.test(path));
  try {
    const report = await runPooling({
      ...(args.db !== undefined && { db: args.db }),
      ...(args.app !== undefined && { app: args.app }),
      logs,
      sql,
      ...(args.instances !== undefined && { instances: args.instances }),
      ...(args.serverCores !== undefined && { serverCores: args.serverCores }),
      ...(settings?.thresholds.connectionsPerCore !== undefined && {
        connectionsPerCore: settings.thresholds.connectionsPerCore,
      }),
    });
    return {
      diagnostics: report.diagnostics,
      sources: report.sources,
      filesChecked: report.filesChecked,
      failOn: args.failOn ?? loaded.config.failOn,
    };
  } catch (error) {
    if (error instanceof PoolingInputError || error instanceof LogFormatError)
      throw new UsageError(error.message);
    throw error;
  }
}
