import pg from 'pg';
import { LOCKS_OF_PID, type LockRow } from './catalog-snapshot.js';

/** Every lock seen at least once, and in how many of the samples. */
export interface SampledLocks {
  readonly samples: number;
  readonly seen: readonly { readonly row: LockRow; readonly count: number }[];
}

export interface LockPoller {
  stop(): Promise<SampledLocks>;
}

/**
 * A statement that cannot run in a transaction releases its locks as it ends, so its own session
 * never sees them: a second session reads pg_locks for that pid in a loop while it runs.
 */
export async function pollLocks(url: string, pid: number): Promise<LockPoller> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const seen = new Map<string, { row: LockRow; count: number }>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<LockRow>(LOCKS_OF_PID, [pid]);
      samples++;
      for (const row of rows) {
        const key = `${row.oid} ${row.mode}`;
        seen.set(key, { row, count: (seen.get(key)?.count ?? 0) + 1 });
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      return { samples, seen: [...seen.values()] };
    },
  };
}
