import { type Distribution, mergeDistributions, parseDistribution } from '../explain/distribution.js';
import type { DataConfig } from './config.js';
import { type Complain, checkKeys, describeValue, isPlainObject, joinPath } from './describe-value.js';

/** The key that stands for every table no other key names: what `--rows N` sets. */
export const EVERY_TABLE = '*';

const DATA_KEYS = ['rows', 'distributions', 'stats'];

function validateRows(value: unknown, complain: Complain): Pick<DataConfig, 'rows' | 'tableRows'> {
  const tableRows = new Map<string, number>();
  if (!isPlainObject(value)) {
    complain(
      'data.rows',
      `must be an object of table names and row counts, such as {"*": 5000, "posts": 500000}, got ${describeValue(value)}.`,
    );
    return { tableRows };
  }
  let rows: number | undefined;
  for (const [table, count] of Object.entries(value)) {
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
      complain(joinPath('data.rows', table), `must be a whole number of rows, got ${describeValue(count)}.`);
      continue;
    }
    if (table === EVERY_TABLE) rows = count;
    else tableRows.set(table, count);
  }
  return { ...(rows !== undefined && { rows }), tableRows };
}

function validateDistributions(value: unknown, complain: Complain): Map<string, Distribution> {
  const byColumn = new Map<string, Distribution>();
  if (!isPlainObject(value)) {
    complain(
      'data.distributions',
      `must be an object such as {"posts.status": "zipf"}, got ${describeValue(value)}.`,
    );
    return byColumn;
  }
  for (const [column, given] of Object.entries(value)) {
    const at = joinPath('data.distributions', column);
    const specs = Array.isArray(given) ? given : [given];
    if (!column.includes('.')) complain(at, 'must name a column as <table>.<column>, e.g. "posts.status".');
    else if (specs.length === 0 || !specs.every((spec) => typeof spec === 'string'))
      complain(
        at,
        `must be a distribution such as "zipf", or several ("values:a=0.9", "nulls:0.1"), got ${describeValue(given)}.`,
      );
    else {
      const parsed = specs.map((spec) => parseDistribution(spec));
      const wrong = parsed.find((outcome) => typeof outcome === 'string');
      if (wrong !== undefined) complain(at, String(wrong));
      else byColumn.set(column, (parsed as Distribution[]).reduce(mergeDistributions));
    }
  }
  return byColumn;
}

/**
 * `data`: what the embedded engine's tables hold when explain and advise judge a plan, as
 * --rows, --distribution and --stats set it (the flags win, table by table and column by column).
 */
export function validateData(value: unknown, complain: Complain): DataConfig | undefined {
  if (!isPlainObject(value)) {
    complain(
      'data',
      `must be an object with "rows", "distributions" and/or "stats", got ${describeValue(value)}.`,
    );
    return undefined;
  }
  checkKeys(value, DATA_KEYS, 'data', complain);
  const rows =
    value.rows === undefined ? { tableRows: new Map<string, number>() } : validateRows(value.rows, complain);
  const distributions =
    value.distributions === undefined
      ? new Map<string, Distribution>()
      : validateDistributions(value.distributions, complain);
  const stats = value.stats;
  if (stats !== undefined && (typeof stats !== 'string' || stats === ''))
    complain(
      'data.stats',
      `must be the path of a file written by pgvigil stats export, got ${describeValue(stats)}.`,
    );
  return { ...rows, distributions, ...(typeof stats === 'string' && stats !== '' && { stats }) };
}
