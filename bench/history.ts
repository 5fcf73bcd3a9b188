import type { BenchRow, Figures } from './case.js';

/** Figures of the last published run, kept at the end of BENCHMARKS.md as an HTML comment with JSON. */
export interface Published {
  readonly date: string;
  readonly rows: Readonly<Record<string, Figures>>;
}

export interface Regression {
  readonly name: string;
  readonly before: number;
  readonly after: number;
}

/** A median more than this fraction above the last published one is called a regression. */
export const REGRESSION_THRESHOLD = 0.1;

const MARKER = 'pgvigil-bench-data';
const PATTERN = new RegExp(`<!-- ${MARKER} (.*?) -->`, 's');

export function readPublished(markdown: string): Published | undefined {
  const json = PATTERN.exec(markdown)?.[1];
  if (!json) return undefined;
  try {
    return JSON.parse(json) as Published;
  } catch {
    // A hand-damaged comment only loses the comparison, never the new figures.
    return undefined;
  }
}

export function publishedComment(date: string, rows: readonly BenchRow[]): string {
  const round = (value: number) => Math.round(value * 10) / 10;
  const figures = Object.fromEntries(
    rows.map(({ name, pgvigil: { figures: f } }) => [
      name,
      { median: round(f.median), min: round(f.min), max: round(f.max), runs: f.runs },
    ]),
  );
  return `<!-- ${MARKER} ${JSON.stringify({ date, rows: figures })} -->`;
}

/** Change of a row's median since the last published run (0.12 = 12% slower). */
export function change(row: BenchRow, published: Published | undefined): number | undefined {
  const before = published?.rows[row.name]?.median;
  return before ? row.pgvigil.figures.median / before - 1 : undefined;
}

export function regressions(rows: readonly BenchRow[], published: Published | undefined): Regression[] {
  return rows.flatMap((row) => {
    const delta = change(row, published);
    const before = published?.rows[row.name]?.median;
    return delta !== undefined && before !== undefined && delta > REGRESSION_THRESHOLD
      ? [{ name: row.name, before, after: row.pgvigil.figures.median }]
      : [];
  });
}
