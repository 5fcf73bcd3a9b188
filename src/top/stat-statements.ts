import type { Engine } from '../engine/engine.js';
import { quoteIdent } from '../sql/quote.js';
import { OWN_MARKER } from './own-statements.js';
import type { StatEntry, StatSnapshot } from './stat-entry.js';
import { TopError } from './top-error.js';

/** Rows read per snapshot: pg_stat_statements.max is 5000 by default, so this is all of them there. */
export const SNAPSHOT_ROWS = 5000;

const PRELOAD =
  'add pg_stat_statements to shared_preload_libraries (postgresql.conf; on RDS, Aurora, Cloud SQL or Azure in the parameter group or database flags) and restart the server';

/** What the view shows a role without pg_read_all_stats for other roles' statements. */
const HIDDEN_TEXT = '<insufficient privilege>';

interface Row {
  readonly queryid: string | null;
  readonly dbid: number;
  readonly userid: number;
  readonly query: string;
  readonly calls: number;
  readonly plan_ms: number;
  readonly exec_ms: number;
  readonly rows: number;
  readonly blks_read: number;
}

async function preloaded(engine: Engine): Promise<boolean | undefined> {
  // Visible to superusers and pg_read_all_settings (pg_monitor) only: no row means "cannot tell".
  const { rows } = await engine.query<{ setting: string }>(
    `SELECT ${OWN_MARKER} setting FROM pg_catalog.pg_settings WHERE name = 'shared_preload_libraries'`,
  );
  const setting = rows[0]?.setting;
  return setting === undefined ? undefined : /(^|[\s,"])pg_stat_statements($|[\s,"])/.test(setting);
}

/**
 * The schema pg_stat_statements lives in, in the database connected to; a one-line TopError
 * saying how to enable it when it is not created there.
 */
export async function statStatementsSchema(engine: Engine): Promise<string> {
  const { rows } = await engine.query<{ schema: string; db: string }>(
    `SELECT ${OWN_MARKER} n.nspname AS schema, current_database() AS db FROM pg_catalog.pg_extension e
     JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'`,
  );
  if (rows[0]) return rows[0].schema;
  const { rows: db } = await engine.query<{ db: string }>(`SELECT ${OWN_MARKER} current_database() AS db`);
  const create = `run CREATE EXTENSION pg_stat_statements; in database "${db[0]?.db}" (as a superuser or its owner)`;
  const loaded = await preloaded(engine);
  throw new TopError(
    loaded === true
      ? `pg_stat_statements is loaded on the server but not created in this database: ${create}, then let the workload run.`
      : loaded === false
        ? `pg_stat_statements is not enabled: ${PRELOAD}, then ${create}.`
        : `pg_stat_statements is not created in this database: ${create}; the server must also load it (${PRELOAD}).`,
  );
}

function columns(serverVersion: number): { plan: string; exec: string } {
  // PostgreSQL 13 split total_time into planning and execution.
  return serverVersion >= 130000
    ? { plan: 's.total_plan_time', exec: 's.total_exec_time' }
    : { plan: '0', exec: 's.total_time' };
}

/** One read of the view: this database's statements, the most expensive first, at most SNAPSHOT_ROWS. */
export async function readStatSnapshot(engine: Engine, schema: string): Promise<StatSnapshot> {
  const { plan, exec } = columns(engine.serverVersion);
  const sql = `SELECT ${OWN_MARKER} s.queryid::text AS queryid, s.dbid::text::float8 AS dbid, s.userid::text::float8 AS userid, s.query,
      s.calls::float8 AS calls, ${plan}::float8 AS plan_ms, ${exec}::float8 AS exec_ms,
      s.rows::float8 AS rows, s.shared_blks_read::float8 AS blks_read
    FROM ${quoteIdent(schema)}.pg_stat_statements s
    WHERE s.dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
    ORDER BY ${plan} + ${exec} DESC LIMIT ${SNAPSHOT_ROWS}`;
  const takenAt = Date.now();
  const rows = await engine.query<Row>(sql).then(
    (result) => result.rows,
    (error: { code?: string }) => {
      if (error.code === '55000')
        throw new TopError(
          `pg_stat_statements is created in this database but the server did not load it: ${PRELOAD}.`,
        );
      throw error;
    },
  );
  const entries: StatEntry[] = [];
  let hidden = 0;
  for (const row of rows) {
    if (row.queryid === null || row.query === HIDDEN_TEXT) {
      hidden++;
      continue;
    }
    entries.push({
      queryid: row.queryid,
      dbid: row.dbid,
      userid: row.userid,
      query: row.query,
      calls: row.calls,
      planMs: row.plan_ms,
      execMs: row.exec_ms,
      rows: row.rows,
      sharedBlksRead: row.blks_read,
    });
  }
  return { takenAt, entries, hidden };
}
