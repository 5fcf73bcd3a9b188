import { indexAdviceMeta } from '../../advisor/index-advice-meta.js';
import { loadProjectConfig } from '../../config/load-config.js';
import { type RuleSettings, resolveRuleSettings } from '../../config/rule-settings.js';
import { allRuleMetas } from '../../rules/registry.js';
import { isSortKey, SORT_KEYS } from '../../top/rank.js';
import { runTop, TOP_STATEMENT_TIMEOUT_MS } from '../../top/run-top.js';
import type { AdviceOptions } from '../../top/top-advice.js';
import { TopError } from '../../top/top-error.js';
import { renderTopPreface } from '../../top/top-report.js';
import type { CliArgs } from '../args.js';
import { UsageError } from '../usage-error.js';
import type { CommandResult } from './check.js';

export const DEFAULT_TOP_LIMIT = 10;

/** The advisor's thresholds from the config, --max-indexes over them. */
export function adviceOptions(settings: ReadonlyMap<string, RuleSettings>, args: CliArgs): AdviceOptions {
  const thresholds = settings.get(indexAdviceMeta.id)?.thresholds ?? {};
  return {
    minSavedShare: thresholds.minSavedShare ?? 0.3,
    maxIndexes: args.maxIndexes ?? thresholds.maxIndexes ?? 10,
  };
}

/** `pgvigil top --db URL`: pg_stat_statements' most expensive statements, with plan findings and advice. */
export async function topCommand(args: CliArgs): Promise<CommandResult> {
  if (!args.db) throw new UsageError('top reads a live server: pgvigil top --db postgres://user@host/db');
  if (args.positionals.length > 0)
    throw new UsageError('top takes no file or folder, only --db; run pgvigil --help.');
  const sort = args.sort ?? 'total';
  if (!isSortKey(sort))
    throw new UsageError(`--sort ${sort} is not a ranking; use one of ${SORT_KEYS.join(', ')}.`);
  const loaded = await loadProjectConfig('.', args.config, { rules: allRuleMetas });
  if (loaded.errors.length > 0)
    throw new UsageError(loaded.errors.map((error) => error.userMessage).join('\n'));
  const settings = resolveRuleSettings(loaded.config, allRuleMetas);
  try {
    const result = await runTop({
      db: args.db,
      sort,
      limit: args.limit ?? DEFAULT_TOP_LIMIT,
      ...(args.intervalMs !== undefined && { intervalMs: args.intervalMs }),
      timeoutMs: args.timeoutMs ?? TOP_STATEMENT_TIMEOUT_MS,
      settings,
      advice: adviceOptions(settings, args),
    });
    return {
      diagnostics: result.diagnostics,
      sources: new Map(),
      filesChecked: 0,
      failOn: args.failOn ?? loaded.config.failOn,
      preface: renderTopPreface(result, args.color),
    };
  } catch (error) {
    if (error instanceof TopError) throw new UsageError(error.userMessage);
    throw error;
  }
}
