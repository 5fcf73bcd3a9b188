import type { Engine } from '../engine/engine.js';
import { MAX_RELATIONS } from './bounds.js';

/** A replication slot no consumer is reading from, and the WAL it keeps on disk. */
export interface InactiveSlot {
  readonly name: string;
  readonly kind: string;
  readonly database: string | null;
  /** WAL bytes the slot keeps from being removed; null when the slot never reserved WAL. */
  readonly retainedBytes: number | null;
}

// On a standby pg_current_wal_lsn() fails: the last replayed position stands in.
const slotsSql = `
SELECT s.slot_name::text AS name, s.slot_type AS kind, s.database::text AS database,
  pg_catalog.pg_wal_lsn_diff(
    CASE WHEN pg_catalog.pg_is_in_recovery() THEN pg_catalog.pg_last_wal_replay_lsn() ELSE pg_catalog.pg_current_wal_lsn() END,
    s.restart_lsn)::float8 AS retained_bytes
FROM pg_catalog.pg_replication_slots s
WHERE NOT s.active
ORDER BY retained_bytes DESC NULLS LAST
LIMIT ${MAX_RELATIONS}`;

interface SlotRow {
  readonly name: string;
  readonly kind: string;
  readonly database: string | null;
  readonly retained_bytes: number | null;
}

export async function readInactiveSlots(engine: Engine): Promise<readonly InactiveSlot[]> {
  const { rows } = await engine.query<SlotRow>(slotsSql);
  return rows.map((r) => ({
    name: r.name,
    kind: r.kind,
    database: r.database,
    retainedBytes: r.retained_bytes,
  }));
}
