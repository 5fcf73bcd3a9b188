import type { Engine } from '../engine/engine.js';
import { MONITOR_GRANT, type Readout, readGuarded } from './readout.js';
import { isClientBackend } from './sessions.js';

/** Facts about the database and its server, one row. */
export interface DatabaseFacts {
  readonly database: string;
  /** Seconds since pg_stat_database.stats_reset; null when the statistics were never reset. */
  readonly statsAgeSeconds: number | null;
  /** Seconds since the server started: the statistics are at most this old when never reset before 15. */
  readonly uptimeSeconds: number;
  readonly blocksHit: number;
  readonly blocksRead: number;
  readonly inRecovery: boolean;
  /** age(datfrozenxid) of this database, and the setting that forces anti-wraparound vacuums. */
  readonly xidAge: number;
  readonly freezeMaxAge: number;
  readonly maxConnections: number;
  readonly superuserReserved: number;
  /** reserved_connections (PostgreSQL 16+, for roles with pg_use_reserved_connections); 0 before. */
  readonly reserved: number;
  /** Client backends connected to any database of the server right now. */
  readonly clientConnections: number;
}

const databaseSql = `
SELECT current_database()::text AS database,
  extract(epoch FROM now() - d.stats_reset)::float8 AS stats_age_seconds,
  extract(epoch FROM now() - pg_catalog.pg_postmaster_start_time())::float8 AS uptime_seconds,
  d.blks_hit::float8 AS blocks_hit, d.blks_read::float8 AS blocks_read,
  pg_catalog.pg_is_in_recovery() AS in_recovery,
  pg_catalog.age(db.datfrozenxid)::float8 AS xid_age,
  current_setting('autovacuum_freeze_max_age')::float8 AS freeze_max_age,
  current_setting('max_connections')::int AS max_connections,
  current_setting('superuser_reserved_connections')::int AS superuser_reserved,
  COALESCE((SELECT setting::int FROM pg_catalog.pg_settings WHERE name = 'reserved_connections'), 0) AS reserved,
  (SELECT count(*)::int FROM pg_catalog.pg_stat_activity a WHERE ${isClientBackend('a')}) AS client_connections
FROM pg_catalog.pg_stat_database d
JOIN pg_catalog.pg_database db ON db.oid = d.datid
WHERE d.datname = current_database()`;

interface DatabaseRow {
  readonly database: string;
  readonly stats_age_seconds: number | null;
  readonly uptime_seconds: number;
  readonly blocks_hit: number;
  readonly blocks_read: number;
  readonly in_recovery: boolean;
  readonly xid_age: number;
  readonly freeze_max_age: number;
  readonly max_connections: number;
  readonly superuser_reserved: number;
  readonly reserved: number;
  readonly client_connections: number;
}

export async function readDatabaseFacts(engine: Engine): Promise<DatabaseFacts> {
  const { rows } = await engine.query<DatabaseRow>(databaseSql);
  const row = rows[0];
  if (!row) throw new Error('pg_stat_database has no row for the current database');
  return {
    database: row.database,
    statsAgeSeconds: row.stats_age_seconds,
    uptimeSeconds: row.uptime_seconds,
    blocksHit: row.blocks_hit,
    blocksRead: row.blocks_read,
    inRecovery: row.in_recovery,
    xidAge: row.xid_age,
    freezeMaxAge: row.freeze_max_age,
    maxConnections: row.max_connections,
    superuserReserved: row.superuser_reserved,
    reserved: row.reserved,
    clientConnections: row.client_connections,
  };
}

/**
 * The cluster's identity: a primary and its physical replicas share it, which is how health knows that
 * several URLs are one database whose index statistics add up.
 */
export async function readSystemIdentifier(engine: Engine): Promise<Readout<string>> {
  return readGuarded(
    async () => {
      const { rows } = await engine.query<{ readonly id: string }>(
        'SELECT system_identifier::text AS id FROM pg_catalog.pg_control_system()',
      );
      return rows[0]?.id ?? '';
    },
    {
      what: 'the cluster identity (pg_control_system): several URLs are combined by host, port and database only',
      grant: MONITOR_GRANT,
    },
  );
}
