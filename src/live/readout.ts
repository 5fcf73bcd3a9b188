/** Something health could not look at with the role it connected as, and the grant that would let it. */
export interface Skipped {
  /** What was left out, e.g. "replication slots (pg_replication_slots)". */
  readonly what: string;
  /** The GRANT (or what else) would let pgvigil read it. */
  readonly grant: string;
}

/** What one collector read, or (permission denied) what it had to skip. */
export type Readout<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly skipped: Skipped };

const INSUFFICIENT_PRIVILEGE = '42501';
const LOCK_NOT_AVAILABLE = '55P03';

async function readUnless<T>(code: string, read: () => Promise<T>, skipped: Skipped): Promise<Readout<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if ((error as { code?: string }).code !== code) throw error;
    return { ok: false, skipped };
  }
}

/**
 * Runs one collector; "permission denied" becomes a skipped readout (health goes on with what it can
 * read), any other error is a real failure and propagates.
 */
export function readGuarded<T>(read: () => Promise<T>, skipped: Skipped): Promise<Readout<T>> {
  return readUnless(INSUFFICIENT_PRIVILEGE, read, skipped);
}

/** Runs a collector that takes ACCESS SHARE locks; lock_timeout makes it a skipped readout, not a failure. */
export function readWithoutWaiting<T>(read: () => Promise<T>, skipped: Skipped): Promise<Readout<T>> {
  return readUnless(LOCK_NOT_AVAILABLE, read, skipped);
}

export function valueOr<T>(readout: Readout<T>, fallback: T): T {
  return readout.ok ? readout.value : fallback;
}

/** Shared wording: pg_monitor covers every statistics view health reads. */
export const MONITOR_GRANT = 'GRANT pg_monitor TO <role>';
