import type { EffectiveConfig } from '../../config/config.js';
import { DEFAULT_SYNTHETIC_ROWS, type ExplainEngineOptions } from '../../explain/explain-engine.js';
import { pathProblems } from '../../project/discover.js';
import type { CliArgs } from '../args.js';
import { UsageError } from '../usage-error.js';

export type EmbeddedSetup = Pick<
  ExplainEngineOptions,
  'rowsPerTable' | 'tableRows' | 'distributions' | 'statsFile'
> & { readonly schemaFiles: readonly string[] };

/** Flags of one entry win over the config's; the config's fill in the rest. */
function merged<V>(
  fromConfig: ReadonlyMap<string, V> | undefined,
  fromFlags: ReadonlyMap<string, V> | undefined,
) {
  const all = new Map([...(fromConfig ?? []), ...(fromFlags ?? [])]);
  return all.size > 0 ? all : undefined;
}

/**
 * What explain and advise give the embedded engine: the schema files, and the data its tables hold
 * (--rows, --distribution, --stats over the config's `data`, flag by flag). With --db the server's
 * own schema and data are used: giving those flags too is a usage error; the config's `data` is not
 * (one config serves both).
 */
export async function embeddedSetup(args: CliArgs, config: EffectiveConfig): Promise<EmbeddedSetup> {
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
  const schemaFiles = args.db ? [] : args.schema.length > 0 ? args.schema : config.schema;
  const statsFile = args.db ? undefined : (args.stats ?? config.data?.stats);
  const problems = await pathProblems({ root: '.', schemaFiles });
  if (problems.length > 0) throw new UsageError(`${problems.join('; ')}; check the path.`);
  const data = args.db ? undefined : config.data;
  const tableRows = merged(data?.tableRows, args.tableRows);
  const distributions = merged(data?.distributions, args.distributions);
  return {
    schemaFiles,
    rowsPerTable: args.rows ?? data?.rows ?? DEFAULT_SYNTHETIC_ROWS,
    ...(tableRows && { tableRows }),
    ...(distributions && { distributions }),
    ...(statsFile !== undefined && { statsFile }),
  };
}
