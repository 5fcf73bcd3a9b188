import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Engine } from './engine.js';

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
    const result = await this.conn.query<R>(sql, params as unknown[] | undefined);
    return { rows: result.rows };
  }

  async exec(sql: string): Promise<void> {
    await this.conn.exec(sql);
  }

  async transaction<T>(fn: (tx: Engine) => Promise<T>, opts?: { rollback?: boolean }): Promise<T> {
    if (this.depth > 0) return this.savepoint(fn, opts);
    return this.db.transaction(async (tx) => {
      const result = await fn(new PgliteEngine(this.db, tx, this.serverVersion, this.depth + 1));
      if (opts?.rollback) await tx.rollback();
      return result;
    });
  }

  private async savepoint<T>(fn: (tx: Engine) => Promise<T>, opts?: { rollback?: boolean }): Promise<T> {
    const name = `pgvigil_sp_${this.depth}`;
    await this.conn.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn(new PgliteEngine(this.db, this.conn, this.serverVersion, this.depth + 1));
      await this.conn.exec(opts?.rollback ? `ROLLBACK TO SAVEPOINT ${name}` : `RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await this.conn.exec(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.depth === 0) await this.db.close();
  }
}

export interface PgliteOptions {
  /** A data directory tarball made by PGlite's dumpDataDir, to skip initdb. */
  readonly loadDataDir?: Blob | File;
}

/** Starts an in-process Postgres. */
export async function openPglite(options: PgliteOptions = {}): Promise<Engine> {
  const db = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  const { rows } = await db.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`);
  return new PgliteEngine(db, db, rows[0]?.v ?? 0, 0);
}
