import { connectClient } from '../engine/server.js';
import type { PoolerDetection } from './pooler-detection.js';

/** PgBouncer settings worth showing next to the pool sizes. */
const SETTINGS = [
  'pool_mode',
  'default_pool_size',
  'max_client_conn',
  'max_db_connections',
  'reserve_pool_size',
  'max_prepared_statements',
];

interface ConfigRow {
  readonly key: string;
  readonly value: string;
}

interface PoolRow {
  readonly database: string;
  readonly user: string;
  readonly pool_mode: string | null;
}

/**
 * Reads PgBouncer's admin console (the `pgbouncer` database): only SHOW commands, which change
 * nothing. The console speaks the simple query protocol only and accepts no SET, so this is a
 * plain client without pgvigil's session settings.
 */
export async function readPgBouncerConsole(url: string): Promise<PoolerDetection> {
  const client = await connectClient(url);
  try {
    const version = (await client.query<{ version: string }>('SHOW VERSION')).rows[0]?.version ?? 'PgBouncer';
    const config = (await client.query<ConfigRow>('SHOW CONFIG')).rows;
    const pools = (await client.query<PoolRow>('SHOW POOLS')).rows.filter((p) => p.database !== 'pgbouncer');
    const settings = Object.fromEntries(
      config.filter((row) => SETTINGS.includes(row.key)).map((row) => [row.key, row.value]),
    );
    const modes = new Set(pools.map((p) => p.pool_mode ?? settings.pool_mode ?? 'session'));
    const mode = modes.has('transaction')
      ? 'transaction'
      : modes.has('statement')
        ? 'statement'
        : (settings.pool_mode ?? 'session');
    const perPool = pools
      .map((p) => `${p.database}/${p.user}: ${p.pool_mode ?? settings.pool_mode}`)
      .join(', ');
    return {
      kind: 'PgBouncer',
      mode: mode === 'transaction' || mode === 'statement' || mode === 'session' ? mode : 'unknown',
      confidence: 'certain',
      evidence: [
        {
          source: 'admin-console',
          says: `${version} admin console: pool_mode = ${settings.pool_mode ?? 'session'}${perPool ? ` (pools ${perPool})` : ''}`,
        },
      ],
      settings,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
