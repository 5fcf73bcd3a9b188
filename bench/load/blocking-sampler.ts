import pg from 'pg';

/** How often pgbench's sessions were seen waiting on a lock that a pgvigil session held. */
export interface BlockingSamples {
  readonly samples: number;
  /** Samples in which at least one other session waited on pgvigil (application_name pgvigil). */
  readonly blocked: number;
}

// pgvigil names each of its transactions (SET LOCAL application_name), so its blockers are findable.
const BLOCKED_BY_PGVIGIL = `SELECT count(*)::int AS n
  FROM pg_stat_activity waiting
 WHERE waiting.application_name IS DISTINCT FROM 'pgvigil'
   AND EXISTS (SELECT 1 FROM pg_stat_activity holder
                WHERE holder.pid = ANY (pg_blocking_pids(waiting.pid))
                  AND holder.application_name = 'pgvigil')`;

/** Samples pg_stat_activity every `everyMs` until the returned stop is called. */
export async function sampleBlocking(url: string, everyMs = 100): Promise<() => Promise<BlockingSamples>> {
  const client = new pg.Client({ connectionString: url, application_name: 'pgvigil-bench-sampler' });
  await client.connect();
  let samples = 0;
  let blocked = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ n: number }>(BLOCKED_BY_PGVIGIL);
      samples++;
      if ((rows[0]?.n ?? 0) > 0) blocked++;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    running = false;
    await loop;
    await client.end();
    return { samples, blocked };
  };
}
