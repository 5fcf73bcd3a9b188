import { loadProjectConfig } from '../../config/load-config.js';
import { resolveRuleSettings } from '../../config/rule-settings.js';
import { DEFAULT_STATEMENT_TIMEOUT_MS } from '../../engine/session-settings.js';
import { DEFAULT_SYNTHETIC_ROWS } from '../../explain/explain-engine.js';
import { ExplainError } from '../../explain/explain-error.js';
import { renderExplainPreface } from '../../explain/explain-report.js';
import { runExplain } from '../../explain/run-explain.js';
import { missingPaths } from '../../project/discover.js';
import { allRuleMetas } from '../../rules/registry.js';
import { StatsError } from '../../stats/stats-error.js';
import type { CliArgs } from '../args.js';
import { UsageError } from '../usage-error.js';
import type { CommandResult } from './check.js';
import { embeddedDataOptions } from './embedded-data.js';

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
  if (args.db && args.schema.length > 0)
    throw new UsageError(
      '--schema loads the embedded engine; with --db the server’s own schema is used. Give one.',
    );
  if (args.db && (args.stats || args.tableRows || args.distributions))
    throw new UsageError(
      '--stats, --rows and --distribution shape the embedded engine’s data; with --db the server’s own data is used. Give one.',
    );
  if (args.scratch && !args.db)
    throw new UsageError(
      '--scratch tries indexes in a scratch database on the --db server; without --db they are tried on the embedded engine.',
    );
  const schemaFiles = args.db ? [] : args.schema.length > 0 ? args.schema : loaded.config.schema;
  const missing = await missingPaths({ root: '.', schemaFiles });
  if (missing.length > 0) throw new UsageError(`not found: ${missing.join(', ')}; check the path.`);
  try {
    const result = await runExplain({
      input,
      schemaFiles,
      timeoutMs: args.timeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      rowsPerTable: args.rows ?? DEFAULT_SYNTHETIC_ROWS,
      ...embeddedDataOptions(args),
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
