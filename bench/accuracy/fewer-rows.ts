import type { AccuracyCase } from './case-file.js';

/**
 * The largest row count the test loads per setup. Every setup fills its tables with
 * `generate_series(1, N)` and derives values as `g % 1000` or `g % 365`, so 1000 rows still hold every
 * distinct value the full setup holds (each foreign key still finds its row, each WHERE still matches):
 * only how many times each value repeats changes. The truth needs the full counts (a statement outside
 * a transaction must run long enough for the lock poller to see it); pgvigil judges from the catalog
 * and the rows' values, not their number.
 */
export const FEWER_ROWS = 1000;

const SERIES = /generate_series\(1, (\d+)\)/g;

/** The case with every generate_series bound in its setup capped at `rows`; the migration untouched. */
export function withFewerRows(c: AccuracyCase, rows = FEWER_ROWS): AccuracyCase {
  const setup = c.setup.replace(
    SERIES,
    (_, bound: string) => `generate_series(1, ${Math.min(Number(bound), rows)})`,
  );
  return { ...c, setup };
}
