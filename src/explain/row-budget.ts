import { ExplainError } from './explain-error.js';

/**
 * Synthetic rows the embedded engine is given at most, all tables together. PGlite keeps its
 * database in memory: on the blog schema a million rows took about 30 s and 0.8 GB (peak RSS) to
 * fill on a two-core machine, two million 75 s and 1.3 GB, growing in step with the rows.
 */
export const SYNTHETIC_ROW_BUDGET = 1_000_000;

const count = (n: number): string => n.toLocaleString('en-US');

/** The budget and what to do instead of more rows: production's statistics over the rows it allows. */
const OVER_BUDGET = `the embedded engine takes at most ${count(SYNTHETIC_ROW_BUDGET)} synthetic rows in all tables together (PGlite holds them in memory: a million take about 30 s and 0.8 GB). Give fewer; for plans at production's size, export its statistics with pgvigil stats export --db <url> -o stats.json and pass --stats stats.json (row estimates are then production's)`;

/** One count over the budget on its own (`--rows 1000000000000`), named as the user wrote it. */
export function countOverBudget(given: string, rows: number): string | undefined {
  return rows > SYNTHETIC_ROW_BUDGET
    ? `${given} asks for ${count(rows)} rows, but ${OVER_BUDGET}.`
    : undefined;
}

export interface RowPlan {
  /** Rows each empty table would get, by qualified name. */
  readonly rows: ReadonlyMap<string, number>;
  /** The tables whose count the user named (--rows posts=N, or the config's data.rows.posts). */
  readonly named: ReadonlySet<string>;
  /** The count of every other table is pgvigil's default, which may be lowered to fit. */
  readonly defaultForOthers: boolean;
  /** Where the counts were given, for the refusal: `--rows`, `data.rows in pgvigil.config.json`. */
  readonly givenBy?: string;
}

export interface BudgetedRows {
  readonly rows: ReadonlyMap<string, number>;
  /** The default count, lowered to fit, of the tables no one named; undefined when it fit. */
  readonly lowered?: number;
}

const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const n of values) total += n;
  return total;
};

/**
 * The rows to fill within SYNTHETIC_ROW_BUDGET. Over it, the default count of the tables no one
 * named is lowered to fit (a schema of 150 tables at the default 10,000 each); counts the user
 * gave are never lowered behind their back: over the budget they are refused (an ExplainError,
 * one line naming the flag or config key).
 */
export function budgetRows(plan: RowPlan): BudgetedRows {
  const total = sum(plan.rows.values());
  if (total <= SYNTHETIC_ROW_BUDGET) return { rows: plan.rows };
  const named = [...plan.rows].filter(([table]) => plan.named.has(table));
  const others = [...plan.rows].filter(
    ([table]) => !plan.named.has(table) && (plan.rows.get(table) ?? 0) > 0,
  );
  const namedTotal = sum(named.map(([, n]) => n));
  if (plan.defaultForOthers && namedTotal < SYNTHETIC_ROW_BUDGET && others.length > 0) {
    const each = Math.floor((SYNTHETIC_ROW_BUDGET - namedTotal) / others.length);
    if (each > 0) {
      const rows = new Map(plan.rows);
      for (const [table, n] of others) rows.set(table, Math.min(n, each));
      return { rows, lowered: each };
    }
  }
  const other = named.length > 0 ? 'other ' : '';
  const counts = new Set(others.map(([, n]) => n));
  const spread =
    counts.size === 1
      ? `${count(others[0]?.[1] ?? 0)} in each of ${others.length} ${other}empty table(s)`
      : `${count(sum(others.map(([, n]) => n)))} in ${others.length} ${other}empty table(s)`;
  const parts = [
    ...named.map(([table, n]) => `${table} ${count(n)}`),
    ...(others.length > 0 ? [spread] : []),
  ];
  const asked = plan.givenBy ? `${plan.givenBy} asks for` : 'The synthetic rows come to';
  throw new ExplainError(`${asked} ${count(total)} rows (${parts.join(', ')}), but ${OVER_BUDGET}.`);
}
