import type { Engine } from '../engine/engine.js';

/**
 * Which statement of which file created each catalog object. PostgreSQL hands out OIDs from one
 * increasing counter, so objects whose OID is above the highest one seen before a statement were
 * created by it: the engine says what a statement made, no guessing from the SQL text.
 */
export interface OriginTracker {
  /** Call after a statement ran: records every object created since the last call. */
  record(origin: StatementOrigin): Promise<void>;
  readonly origins: ReadonlyMap<number, StatementOrigin>;
}

export interface StatementOrigin {
  readonly file: string;
  readonly statementIndex: number;
}

const NEW_OBJECTS = `
  SELECT oid::int8::float8 AS oid FROM pg_catalog.pg_class WHERE oid > $1::int8::oid
  UNION ALL
  SELECT oid::int8::float8 FROM pg_catalog.pg_constraint WHERE oid > $1::int8::oid`;

const MAX_OID = `
  SELECT greatest(
    (SELECT coalesce(max(oid::int8), 0) FROM pg_catalog.pg_class),
    (SELECT coalesce(max(oid::int8), 0) FROM pg_catalog.pg_constraint))::float8 AS oid`;

export async function trackOrigins(engine: Engine): Promise<OriginTracker> {
  const origins = new Map<number, StatementOrigin>();
  const start = await engine.query<{ oid: number }>(MAX_OID);
  let watermark = Number(start.rows[0]?.oid ?? 0);
  return {
    origins,
    async record(origin) {
      const { rows } = await engine.query<{ oid: number }>(NEW_OBJECTS, [watermark]);
      for (const row of rows) {
        const oid = Number(row.oid);
        origins.set(oid, origin);
        watermark = Math.max(watermark, oid);
      }
    },
  };
}
