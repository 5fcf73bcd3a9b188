/** The name in every stats file, so a stranger JSON file is told apart from one pgvigil wrote. */
export const STATS_FORMAT = 'pgvigil-stats';
/** Bumped when a field changes meaning or disappears; new optional fields keep the version. */
export const STATS_FORMAT_VERSION = 1;

/** One column's row of pg_stats; a statistic the server does not have is left out. */
export interface ColumnStats {
  readonly name: string;
  /** pg_stats.inherited: true for the statistics of a partitioned or inheritance parent with its children. */
  readonly inherited: boolean;
  readonly null_frac?: number;
  readonly avg_width?: number;
  readonly n_distinct?: number;
  /** anyarray statistics as PostgreSQL's array literal of the column's type: values sampled from the table. */
  readonly most_common_vals?: string;
  readonly most_common_freqs?: readonly number[];
  readonly histogram_bounds?: string;
  readonly correlation?: number;
  readonly most_common_elems?: string;
  readonly most_common_elem_freqs?: readonly number[];
  readonly elem_count_histogram?: readonly number[];
  /** Range columns, PostgreSQL 17+. */
  readonly range_length_histogram?: string;
  readonly range_empty_frac?: number;
  readonly range_bounds_histogram?: string;
}

export interface TableStats {
  readonly schema: string;
  readonly name: string;
  /** pg_class.relkind: r table, p partitioned table, m materialized view. */
  readonly kind: string;
  readonly relpages: number;
  /** -1: never vacuumed or analyzed (PostgreSQL 14+). */
  readonly reltuples: number;
  readonly relallvisible: number;
  /** PostgreSQL 18+. */
  readonly relallfrozen?: number;
  readonly columns: readonly ColumnStats[];
}

export interface SkippedTable {
  readonly schema: string;
  readonly name: string;
  readonly reason: string;
}

export interface StatsFile {
  readonly format: typeof STATS_FORMAT;
  readonly version: typeof STATS_FORMAT_VERSION;
  readonly exportedAt: string;
  readonly server: { readonly version: string; readonly versionNum: number; readonly database: string };
  readonly tables: readonly TableStats[];
  readonly skipped: readonly SkippedTable[];
}
