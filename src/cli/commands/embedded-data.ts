import type { DataConfig } from '../../config/config.js';
import type { LoadedConfig } from '../../config/load-config.js';
import { EVERY_TABLE } from '../../config/validate-data.js';
import { DEFAULT_SYNTHETIC_ROWS, type ExplainEngineOptions } from '../../explain/explain-engine.js';
import { countOverBudget } from '../../explain/row-budget.js';
import { pathProblems } from '../../project/discover.js';
import type { CliArgs } from '../args.js';
import { UsageError } from '../usage-error.js';

export type EmbeddedSetup = Pick<
  ExplainEngineOptions,
  'rowsPerTable' | 'tableRows' | 'distributions' | 'statsFile' | 'rowsPerTableIsDefault' | 'rowsGivenBy'
> & { readonly schemaFiles: readonly string[] };

/** Flags of one entry win over the config's; the config's fill in the rest. */
function merged<V>(
  fromConfig: ReadonlyMap<string, V> | undefined,
  fromFlags: ReadonlyMap<string, V> | undefined,
) {
  const all = new Map([...(fromConfig ?? []), ...(fromFlags ?? [])]);
  return all.size > 0 ? all : undefined;
}

type RowCounts = Pick<EmbeddedSetup, 'rowsPerTable' | 'tableRows' | 'rowsPerTableIsDefault' | 'rowsGivenBy'>;

/**
 * The row counts of --rows over the config's data.rows, each within the row budget on its own (a
 * refusal names the flag or config key); their sum is checked once the empty tables are known.
 */
function rowCounts(args: CliArgs, data: DataConfig | undefined, configFile: string | undefined): RowCounts {
  const inConfig = (key: string) => `${configFile ?? 'the config'}: data.rows.${key}`;
  const counts: [string, number][] = [];
  if (args.rows !== undefined) counts.push([`--rows ${args.rows}`, args.rows]);
  else if (data?.rows !== undefined) counts.push([inConfig(EVERY_TABLE), data.rows]);
  for (const [table, rows] of args.tableRows ?? []) counts.push([`--rows ${table}=${rows}`, rows]);
  for (const [table, rows] of data?.tableRows ?? [])
    if (!args.tableRows?.has(table)) counts.push([inConfig(table), rows]);
  for (const [given, rows] of counts) {
    const refusal = countOverBudget(given, rows);
    if (refusal) throw new UsageError(refusal);
  }
  const flags = counts.filter(([given]) => given.startsWith('--')).map(([given]) => given);
  const fromConfig = counts.length > flags.length ? [`data.rows in ${configFile ?? 'the config'}`] : [];
  const givenBy = [...flags, ...fromConfig].join(' with ');
  const tableRows = merged(data?.tableRows, args.tableRows);
  const rowsPerTable = args.rows ?? data?.rows;
  return {
    rowsPerTable: rowsPerTable ?? DEFAULT_SYNTHETIC_ROWS,
    ...(rowsPerTable === undefined && { rowsPerTableIsDefault: true }),
    ...(tableRows && { tableRows }),
    ...(givenBy !== '' && { rowsGivenBy: givenBy }),
  };
}

/**
 * What explain and advise give the embedded engine: the schema files, and the data its tables hold
 * (--rows, --distribution, --stats over the config's `data`, flag by flag). With --db the server's
 * own schema and data are used: giving those flags too is a usage error; the config's `data` is not
 * (one config serves both).
 */
export async function embeddedSetup(
  args: CliArgs,
  { config, file: configFile }: Pick<LoadedConfig, 'config' | 'file'>,
): Promise<EmbeddedSetup> {
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
  const distributions = merged(data?.distributions, args.distributions);
  return {
    schemaFiles,
    // With --db the server's rows are used: a count there is nothing to budget.
    ...(args.db ? { rowsPerTable: DEFAULT_SYNTHETIC_ROWS } : rowCounts(args, data, configFile)),
    ...(distributions && { distributions }),
    ...(statsFile !== undefined && { statsFile }),
  };
}
