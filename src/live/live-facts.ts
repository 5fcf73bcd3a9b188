import type { CatalogSnapshot } from '../catalog/model.js';
import { readCatalog } from '../catalog/read-catalog.js';
import type { Engine } from '../engine/engine.js';
import { type BloatEstimate, countTablesWithoutReadableStats, readBloatEstimates } from './bloat-estimate.js';
import { type DatabaseFacts, readDatabaseFacts, readSystemIdentifier } from './database-facts.js';
import { emptyCatalog } from './empty-catalog.js';
import { MONITOR_GRANT, readGuarded, readWithoutWaiting, type Skipped, valueOr } from './readout.js';
import { type IndexUsage, readIndexUsage, readTableActivity, type TableActivity } from './relation-usage.js';
import { type InactiveSlot, readInactiveSlots } from './replication-slots.js';
import { readSessions, type Session } from './sessions.js';
import { readUnreadableSequences } from './unreadable-sequences.js';

/** Everything health read from one server: plain data the live rules judge. */
export interface LiveFacts {
  /** host:port/database, never the password. */
  readonly target: string;
  readonly serverVersion: number;
  readonly database: DatabaseFacts;
  /** Shared by a primary and its physical replicas; undefined when the role may not read it. */
  readonly systemIdentifier?: string;
  readonly catalog: CatalogSnapshot;
  readonly indexUsage: readonly IndexUsage[];
  readonly tables: readonly TableActivity[];
  readonly bloat: readonly BloatEstimate[];
  readonly sessions: readonly Session[];
  readonly inactiveSlots: readonly InactiveSlot[];
  /** What the role could not read: the result is partial when this is not empty. */
  readonly skipped: readonly Skipped[];
}

const STATS_GRANT = 'GRANT pg_read_all_stats TO <role> (or pg_monitor, which includes it)';
const DATA_GRANT = 'GRANT pg_read_all_data TO <role> (PostgreSQL 14+), or GRANT SELECT on the tables';

function permissionGaps(
  hiddenSessions: number,
  tablesWithoutStats: number,
  unreadableSequences: readonly string[],
): readonly Skipped[] {
  return [
    ...(hiddenSessions > 0
      ? [
          {
            what: `the state and query of ${hiddenSessions} session(s) of other roles (pg_stat_activity)`,
            grant: STATS_GRANT,
          },
        ]
      : []),
    ...(tablesWithoutStats > 0
      ? [
          {
            what: `bloat estimates of ${tablesWithoutStats} table(s) whose column statistics (pg_stats) this role may not read`,
            grant: DATA_GRANT,
          },
        ]
      : []),
    ...(unreadableSequences.length > 0
      ? [
          {
            what: `how full ${unreadableSequences.length} sequence(s) are (${unreadableSequences.slice(0, 5).join(', ')}${unreadableSequences.length > 5 ? ', ...' : ''})`,
            grant: DATA_GRANT,
          },
        ]
      : []),
  ];
}

/**
 * Reads one server's facts, one query after another on its single read-only connection. Every query
 * reads catalogs and statistics views only (no table is scanned, no lock stronger than ACCESS SHARE).
 */
export async function collectLiveFacts(engine: Engine, target: string): Promise<LiveFacts> {
  // Sessions first: when locks queue up, they are what matters, and they take no lock to read.
  const sessions = await readSessions(engine);
  const database = await readDatabaseFacts(engine);
  const systemIdentifier = await readSystemIdentifier(engine);
  const catalog = await readWithoutWaiting(() => readCatalog(engine), {
    what: 'the schema rules and index sizes: reading the catalog waited longer than lock_timeout for a lock (see the blocked queries)',
    grant: 'run health again once the lock queue is gone',
  });
  const indexUsage = await readIndexUsage(engine);
  const tables = await readTableActivity(engine);
  const bloat = await readBloatEstimates(engine);
  const slots = await readGuarded(() => readInactiveSlots(engine), {
    what: 'replication slots (pg_replication_slots)',
    grant: MONITOR_GRANT,
  });
  const gaps = permissionGaps(
    sessions.filter((session) => session.hidden).length,
    await countTablesWithoutReadableStats(engine),
    await readUnreadableSequences(engine),
  );
  return {
    target,
    serverVersion: engine.serverVersion,
    database,
    ...(systemIdentifier.ok && { systemIdentifier: systemIdentifier.value }),
    catalog: valueOr(catalog, emptyCatalog(engine.serverVersion)),
    indexUsage,
    tables,
    bloat,
    sessions,
    inactiveSlots: valueOr(slots, []),
    skipped: [
      ...(catalog.ok ? [] : [catalog.skipped]),
      ...(systemIdentifier.ok ? [] : [systemIdentifier.skipped]),
      ...(slots.ok ? [] : [slots.skipped]),
      ...gaps,
    ],
  };
}
