import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { openServer } from '../../src/engine/server.js';
import { groupByDatabase, primaryOf } from '../../src/live/database-groups.js';
import { collectLiveFacts, type LiveFacts } from '../../src/live/live-facts.js';
import { banUnusedIndex } from '../../src/rules/live/ban-unused-index.js';
import { createLiveDatabase, type LiveDatabase } from './live-database.js';

const THRESHOLDS = { minSizeBytes: 0, minStatsAgeDays: 7 };

/** The same database seen from a replica whose read queries scanned `index` some times. */
function replicaOf(primary: LiveFacts, index: string, scans: number): LiveFacts {
  return {
    ...primary,
    target: 'replica.internal:5432/app',
    database: { ...primary.database, inRecovery: true },
    indexUsage: primary.indexUsage.map((usage) => (usage.index === index ? { ...usage, scans } : usage)),
  };
}

function reported(primary: LiveFacts, group: readonly LiveFacts[]): unknown[] {
  return banUnusedIndex.check({ facts: primary, group, thresholds: THRESHOLDS }).map((f) => f.data?.index);
}

describe('unused indexes across a primary and its replicas', () => {
  let db: LiveDatabase;
  let engine: Engine;
  let primary: LiveFacts;

  beforeAll(async () => {
    db = await createLiveDatabase();
    const c = await db.client();
    await c.query(`CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind int NOT NULL, at int NOT NULL);
      INSERT INTO events (kind, at) SELECT i % 10, i FROM generate_series(1, 5000) i;
      CREATE INDEX events_kind_idx ON events (kind);
      CREATE INDEX events_at_idx ON events (at);`);
    engine = await openServer(db.url);
    primary = await collectLiveFacts(engine, 'primary.internal:5432/app');
  });

  afterAll(async () => {
    await engine?.close();
    await db?.drop();
  });

  it('on the primary alone, both unscanned indexes are unused', () => {
    expect(reported(primary, [primary]).sort()).toEqual(['public.events_at_idx', 'public.events_kind_idx']);
  });

  it('an index a replica scans is not unused: idx_scan adds up over the group', () => {
    const replica = replicaOf(primary, 'public.events_kind_idx', 42);
    expect(reported(primary, [primary, replica])).toEqual(['public.events_at_idx']);
  });

  it('groups URLs by cluster identity and database, and judges on the primary whatever the order', () => {
    const replica = replicaOf(primary, 'public.events_kind_idx', 1);
    const groups = groupByDatabase([replica, primary]);
    expect(groups).toHaveLength(1);
    expect(primaryOf(groups[0] ?? []).target).toBe('primary.internal:5432/app');
    const other = {
      ...primary,
      target: 'other:5432/app',
      database: { ...primary.database, database: 'other' },
    };
    expect(groupByDatabase([primary, other])).toHaveLength(2);
  });
});
