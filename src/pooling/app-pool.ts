/** A connection pool the application opens, as found in its code or config. */
export interface AppPool {
  readonly library: string;
  readonly file: string;
  readonly line: number;
  /** Undefined when the size comes from an expression or a default that depends on the machine. */
  readonly size?: number;
  /** How `size` was found. */
  readonly sizeFrom: 'set' | 'library default' | 'expression' | 'machine default';
}

/** Sizes libraries use when none is set. */
export const DEFAULT_POOL_SIZES: Readonly<Record<string, number>> = {
  'node-postgres': 10,
  'postgres.js': 10,
  Knex: 10,
};
