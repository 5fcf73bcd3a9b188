/** Median, min and max of one quantity over a benchmark's runs, in milliseconds. */
export interface Figures {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** One measured command (pgvigil's or a peer's), as a row shows it. */
export interface Measured {
  readonly name: string;
  readonly figures: Figures;
  /** Largest peak resident set size over the runs, when the platform lets us see it. */
  readonly peakRssMb?: number;
}

/**
 * One line of the report. A peer, when present, ran the same work; ratio is pgvigil's median over the
 * peer's (below 1 means pgvigil was faster).
 */
export interface BenchRow {
  readonly name: string;
  readonly what: string;
  readonly pgvigil: Measured;
  readonly peer?: Measured;
  readonly ratio?: number;
  /** Upper bound on pgvigil's median, in ms, where the project has set one. */
  readonly targetMs?: number;
  readonly note?: string;
}

/** A result that is not a timing (accuracy scores): its own Markdown section of the report. */
export interface BenchSection {
  readonly title: string;
  readonly markdown: string;
}

export type CaseResult =
  | { readonly kind: 'rows'; readonly rows: readonly BenchRow[] }
  | ({ readonly kind: 'section' } & BenchSection)
  | { readonly kind: 'skipped'; readonly reason: string };

export interface BenchContext {
  /** Absolute path of the repository root (where package.json and dist/ are). */
  readonly root: string;
  /** Timed runs per command (a warm-up run comes first and is not counted). */
  readonly runs: number;
}

export interface BenchCase {
  readonly name: string;
  run(ctx: BenchContext): Promise<CaseResult>;
}

/** pgvigil's side of a row; RSS only where it was seen. */
export function pgvigil(figures: Figures, peakRssMb?: number): Measured {
  return peakRssMb === undefined ? { name: 'pgvigil', figures } : { name: 'pgvigil', figures, peakRssMb };
}

export function rowsOf(rows: readonly BenchRow[]): CaseResult {
  return { kind: 'rows', rows };
}

export function sectionOf(title: string, markdown: string): CaseResult {
  return { kind: 'section', title, markdown };
}

export function skipped(reason: string): CaseResult {
  return { kind: 'skipped', reason };
}
