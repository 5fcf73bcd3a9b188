import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { copyFromInstead, hasCopyFromStdin, NO_COPY_DATA } from './copy-from-stdin.js';
import type { Engine } from './engine.js';
import { pgliteExtensions } from './pglite-extensions.js';
import { loadPgliteSnapshot } from './pglite-snapshot.js';
import { SnapshotFS } from './snapshot-fs.js';
import { runBracketed, transactionBracket } from './transaction-bracket.js';

/**
 * PGlite zeroes all of shared_buffers at start-up (128MB by default, about a second of CPU). The planner does
 * not look at it (effective_cache_size is what shapes plans), and analyses work on small schemas.
 */
export const PGLITE_SHARED_BUFFERS = '16MB';

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

/** Wraps one PGlite connection (or an open transaction on it) as an Engine. */
class PgliteEngine implements Engine {
  readonly kind = 'pglite' as const;

  constructor(
    private readonly db: PGlite,
    private readonly conn: Queryable,
    readonly serverVersion: number,
    private readonly depth: number,
  ) {}

  async query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> {
    refuseCopyFromStdin(sql);
    const result = await this.conn.query<R>(sql, params as unknown[] | undefined);
    return { rows: result.rows };
  }

  async exec(sql: string): Promise<void> {
    refuseCopyFromStdin(sql);
    await this.conn.exec(sql);
  }

  async copyFrom(sql: string, data: string): Promise<void> {
    await this.conn.query(copyFromInstead(sql, "'/dev/blob'"), [], { blob: new Blob([data]) });
  }

  async transaction<T>(fn: (tx: Engine) => Promise<T>, opts?: { rollback?: boolean }): Promise<T> {
    if (this.depth > 0) return this.savepoint(fn, opts);
    return this.db.transaction(async (tx) => {
      const result = await fn(new PgliteEngine(this.db, tx, this.serverVersion, this.depth + 1));
      if (opts?.rollback) await tx.rollback();
      return result;
    });
  }

  private savepoint<T>(fn: (tx: Engine) => Promise<T>, opts?: { rollback?: boolean }): Promise<T> {
    const inner = new PgliteEngine(this.db, this.conn, this.serverVersion, this.depth + 1);
    const exec = (sql: string) => this.conn.exec(sql);
    return runBracketed(exec, transactionBracket(this.depth), () => fn(inner), opts?.rollback === true);
  }

  async resetSession(): Promise<void> {
    await this.conn.exec('RESET ALL');
  }

  async close(): Promise<void> {
    if (this.depth === 0) await this.db.close();
  }
}

/** PGlite blocks its thread for good on a COPY FROM STDIN it has no rows for: an error instead. */
function refuseCopyFromStdin(sql: string): void {
  if (hasCopyFromStdin(sql)) throw new Error(NO_COPY_DATA);
}

export interface PgliteOptions {
  /** A data directory tarball made by PGlite's dumpDataDir, to skip initdb. */
  readonly loadDataDir?: Blob | File;
  /** Contrib extensions the SQL will CREATE (e.g. 'pg_trgm', 'uuid-ossp'): each one costs start-up time. */
  readonly extensions?: readonly string[];
  /** Start from the packaged pre-initialised data directory when there is one (default true). */
  readonly snapshot?: boolean;
}

async function createPglite(options: PgliteOptions): Promise<PGlite> {
  const base: PGliteOptions = {
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    extensions: pgliteExtensions(options.extensions ?? []),
  };
  if (options.loadDataDir) return PGlite.create({ ...base, loadDataDir: options.loadDataDir });
  const snapshot = options.snapshot === false ? undefined : await loadPgliteSnapshot();
  if (snapshot) {
    try {
      return await PGlite.create({ ...base, fs: new SnapshotFS(snapshot) });
    } catch {
      // The snapshot only saves time; initdb below is always correct.
    }
  }
  return PGlite.create(base);
}

/** Starts an in-process Postgres. */
export async function openPglite(options: PgliteOptions = {}): Promise<Engine> {
  const db = await createPglite(options);
  const { rows } = await db.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`);
  return new PgliteEngine(db, db, rows[0]?.v ?? 0, 0);
}
