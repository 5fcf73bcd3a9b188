import { loadProjectConfig } from '../../config/load-config.js';
import { resolveRuleSettings } from '../../config/rule-settings.js';
import { DEFAULT_STATEMENT_TIMEOUT_MS } from '../../engine/session-settings.js';
import { ExplainError } from '../../explain/explain-error.js';
import { renderExplainPreface } from '../../explain/explain-report.js';
import { runExplain } from '../../explain/run-explain.js';
import { allRuleMetas } from '../../rules/registry.js';
import { StatsError } from '../../stats/stats-error.js';
import { inputPath } from '../../util/stdin.js';
import type { CliArgs } from '../args.js';
import { UsageError } from '../usage-error.js';
import type { CommandResult } from './check.js';
import { embeddedSetup } from './embedded-data.js';

/**
 * `pgvigil explain <sql | file.sql | plan.json | plan.txt>`: the plan as a tree with the time per
 * node, and the plan rules' findings.
 */
export async function explainCommand(args: CliArgs): Promise<CommandResult> {
  const [input, ...extra] = args.positionals;
  if (input === undefined || extra.length > 0)
    throw new UsageError('explain takes one SQL file, plan file or quoted query; run pgvigil --help.');
  const loaded = await loadProjectConfig('.', args.config, { rules: allRuleMetas });
  if (loaded.errors.length > 0)
    throw new UsageError(loaded.errors.map((error) => error.userMessage).join('\n'));
  const embedded = await embeddedSetup(args, loaded);
  try {
    const result = await runExplain({
      input: inputPath(input),
      ...embedded,
      timeoutMs: args.timeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      settings: resolveRuleSettings(loaded.config, allRuleMetas),
      ...(args.db !== undefined && { db: args.db }),
      ...(args.scratch && { scratch: true }),
    });
    return {
      diagnostics: result.diagnostics,
      sources: result.sources,
      filesChecked: result.explained.length,
      failOn: args.failOn ?? loaded.config.failOn,
      preface: renderExplainPreface(result, args.color),
      plans: result.explained,
    };
  } catch (error) {
    if (error instanceof ExplainError || error instanceof StatsError) throw new UsageError(error.userMessage);
    throw error;
  }
}
