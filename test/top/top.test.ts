import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { openServer } from '../../src/engine/server.js';
import { initSql } from '../../src/sql/parser.js';
import { rankStatements } from '../../src/top/rank.js';
import { runTop, type TopOptions, type TopResult } from '../../src/top/run-top.js';
import { snapshotDelta } from '../../src/top/snapshot-delta.js';
import { readStatSnapshot, statStatementsSchema } from '../../src/top/stat-statements.js';
import { TopError } from '../../src/top/top-error.js';
import { uniqueName } from '../support/engines.js';
import {
  adminUrl,
  createTopDatabase,
  resetStatements,
  runBatched,
  runCommentsLoop,
  runNPlusOne,
  runSlowQuery,
  SCHEMA,
  type TopDatabase,
  urlAs,
} from './support/top-database.js';

const OPTIONS: Omit<TopOptions, 'db'> = {
  sort: 'total',
  limit: 10,
  timeoutMs: 5_000,
  settings: new Map(),
  advice: { minSavedShare: 0.3, maxIndexes: 10 },
};

const byRule = (result: TopResult, rule: string): Diagnostic[] =>
  result.diagnostics.filter((d) => d.rule === rule);

describe('runTop on the PostgreSQL test server', () => {
  let t: TopDatabase;
  beforeAll(async () => {
    t = await createTopDatabase(
      `CREATE EXTENSION IF NOT EXISTS pg_stat_statements; CREATE EXTENSION hypopg; ${SCHEMA}`,
    );
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  describe('a planted slow query and an N+1 loop', () => {
    let result: TopResult;
    beforeAll(async () => {
      await resetStatements(t.db);
      await runSlowQuery(t.db);
      await runNPlusOne(t.db);
      result = await runTop({ ...OPTIONS, db: t.url });
    }, 120_000);

    it('ranks the unindexed filter first by total time, with its figures', () => {
      const first = result.ranked[0];
      expect(first?.entry.query).toBe('SELECT id, payload FROM events WHERE kind = $1');
      expect(first?.entry.calls).toBe(10);
      // 100 of the 100,000 events have each kind.
      expect(first?.rowsPerCall).toBe(100);
      expect(first?.meanMs).toBeCloseTo((first?.totalMs ?? 0) / 10, 6);
      const shares = result.ranked.reduce((sum, r) => sum + r.share, 0);
      expect(shares).toBeLessThanOrEqual(1 + 1e-9);
      for (const [i, r] of result.ranked.entries())
        if (i > 0) expect(r.totalMs).toBeLessThanOrEqual(result.ranked[i - 1]?.totalMs ?? 0);
      const top = byRule(result, 'top-query').find((d) => d.data?.rank === 1);
      expect(top?.severity).toBe('info');
      expect(top?.data).toMatchObject({ calls: 10, rows: 1000, queryid: first?.entry.queryid });
    });

    it("leaves pgvigil's own statements out of the ranking", () => {
      expect(
        result.ranked.some((r) => /pg_stat_statements|EXPLAIN|set_config|pgvigil/i.test(r.entry.query)),
      ).toBe(false);
    });

    it('finds the seq scan in its generic plan, never running it', () => {
      const seq = byRule(result, 'seq-scan-large-table').find((d) => d.data?.rank === 1);
      expect(seq?.message).toMatch(/Seq Scan on events/);
      expect(result.plans.get(1)?.mode).toBe('generic');
      expect(result.plans.get(1)?.plan?.analyzed).toBe(false);
    });

    it('advises an index on events (kind), tried with HypoPG', async () => {
      const advice = byRule(result, 'index-advice');
      expect(advice.map((d) => d.data?.statement)).toEqual([
        expect.stringMatching(/ON public\.events .*\(kind\)/),
      ]);
      expect(result.notes.some((n) => n.includes('HypoPG'))).toBe(true);
      const { rows } = await t.db.query(
        "SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'events'",
      );
      expect(rows).toEqual([{ n: 1 }]);
    });

    it('reports the author lookups as a possible N+1 of the posts query, at info', () => {
      const found = byRule(result, 'n-plus-one');
      expect(found).toHaveLength(1);
      const [n1] = found;
      expect(n1?.severity).toBe('info');
      expect(n1?.message).toMatch(
        /^Possibly an N\+1: `SELECT id, name FROM users WHERE id = \$1` ran 50 times/,
      );
      expect(n1?.data).toMatchObject({
        source: 'pg_stat_statements',
        heuristic: 'calls-follow-rows',
        // The view keeps constants as parameters.
        parentQuery: 'SELECT id, author_id, title FROM posts ORDER BY id LIMIT $1',
        parent: { calls: 1, rows: 50 },
        child: { calls: 50, rows: 50 },
        link: 'posts.author_id references users.id',
      });
      expect(n1?.suggestedSql).toContain('-- $1: the array of posts.author_id values');
      expect(n1?.suggestedSql).toContain('WHERE id = ANY($1)');
    });

    it('ranks by another measure and keeps --limit', async () => {
      const byCalls = await runTop({ ...OPTIONS, db: t.url, sort: 'calls', limit: 2 });
      expect(byCalls.ranked).toHaveLength(2);
      expect(byCalls.ranked[0]?.entry.query).toBe('SELECT id, name FROM users WHERE id = $1');
    }, 60_000);
  });

  it('reports children loaded per row with the batch and the JOIN that replace the loop', async () => {
    await resetStatements(t.db);
    await runCommentsLoop(t.db);
    const result = await runTop({ ...OPTIONS, db: t.url });
    const [n1, ...others] = byRule(result, 'n-plus-one');
    expect(others).toEqual([]);
    expect(n1?.data).toMatchObject({
      repeatedQueries: ['SELECT id, post_id, body FROM comments WHERE post_id = $1'],
      link: 'comments.post_id references posts.id',
    });
    expect(n1?.suggestedSql).toContain('WHERE post_id = ANY($1)');
    expect(n1?.suggestedSql).toMatch(
      /json_agg\(json_build_object\('id', c\.id, 'post_id', c\.post_id, 'body', c\.body\)\)/,
    );
  }, 60_000);

  it('reports no N+1 when the same data is loaded in one batch', async () => {
    await resetStatements(t.db);
    await runBatched(t.db);
    await runBatched(t.db);
    const result = await runTop({ ...OPTIONS, db: t.url });
    expect(result.ranked.some((r) => r.entry.query.includes('= ANY($1)'))).toBe(true);
    expect(byRule(result, 'n-plus-one')).toEqual([]);
  }, 60_000);

  it('ranks what happened between two snapshots: a query new in the second counts whole', async () => {
    await initSql();
    await resetStatements(t.db);
    await runSlowQuery(t.db);
    const session = await openServer(t.url, { readOnly: true });
    try {
      const schema = await statStatementsSchema(session);
      const before = await readStatSnapshot(session, schema);
      await runSlowQuery(t.db);
      await runNPlusOne(t.db);
      const delta = snapshotDelta(before, await readStatSnapshot(session, schema));
      const ranked = rankStatements(delta.entries, 'calls', 10);
      const calls = new Map(ranked.map((r) => [r.entry.query, r.entry.calls]));
      // 20 executions in all, 10 of them before the first snapshot.
      expect(calls.get('SELECT id, payload FROM events WHERE kind = $1')).toBe(10);
      expect(calls.get('SELECT id, name FROM users WHERE id = $1')).toBe(50);
      expect(calls.get('SELECT id, author_id, title FROM posts ORDER BY id LIMIT $1')).toBe(1);
    } finally {
      await session.close();
    }
  }, 60_000);

  describe('as roles that are not superusers', () => {
    const monitor = uniqueName('top_monitor');
    const plain = uniqueName('top_plain');
    beforeAll(async () => {
      await t.db.exec(`CREATE ROLE ${monitor} LOGIN PASSWORD 'pw' IN ROLE pg_monitor;
        CREATE ROLE ${plain} LOGIN PASSWORD 'pw'`);
      await resetStatements(t.db);
      await runSlowQuery(t.db);
    });
    afterAll(async () => {
      const admin = await openServer(adminUrl());
      await admin
        .exec(`DROP ROLE IF EXISTS ${monitor}; DROP ROLE IF EXISTS ${plain}`)
        .finally(() => admin.close());
    });

    it('with pg_monitor: reads every text; plans it may not make are skipped with the grant that helps', async () => {
      const result = await runTop({ ...OPTIONS, db: urlAs(t.url, monitor, 'pw') });
      expect(result.ranked[0]?.entry.query).toBe('SELECT id, payload FROM events WHERE kind = $1');
      expect(result.plans.get(1)?.skipped).toMatch(/permission denied for table events .*GRANT SELECT/);
      expect(result.notes.some((n) => n.includes('insufficient privilege'))).toBe(false);
    }, 60_000);

    it('without it: skips the texts it may not read and names pg_read_all_stats', async () => {
      const result = await runTop({ ...OPTIONS, db: urlAs(t.url, plain, 'pw') });
      expect(result.ranked.some((r) => r.entry.query.includes('events'))).toBe(false);
      expect(result.notes.find((n) => n.includes('<insufficient privilege>'))).toMatch(/pg_read_all_stats/);
    }, 60_000);
  });
});

describe('runTop on a healthy workload, without HypoPG', () => {
  let t: TopDatabase;
  beforeAll(async () => {
    t = await createTopDatabase(`${SCHEMA} DROP EXTENSION IF EXISTS hypopg`);
    await resetStatements(t.db);
    for (let id = 1; id <= 20; id++) await t.db.query('SELECT id, name FROM users WHERE id = $1', [id]);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('ranks it, finds nothing wrong, and says why there is no index advice', async () => {
    const result = await runTop({ ...OPTIONS, db: t.url });
    expect(result.ranked[0]?.entry).toMatchObject({
      query: 'SELECT id, name FROM users WHERE id = $1',
      calls: 20,
    });
    expect(result.diagnostics.filter((d) => d.rule !== 'top-query')).toEqual([]);
    expect(result.notes).toContain(
      'No index advice: HypoPG is not installed in this database (CREATE EXTENSION hypopg, by its owner); pgvigil never builds an index on your server.',
    );
  }, 60_000);
});

describe('runTop where pg_stat_statements is not created', () => {
  let t: TopDatabase;
  beforeAll(async () => {
    t = await createTopDatabase('DROP EXTENSION IF EXISTS pg_stat_statements; CREATE TABLE t (id int)');
  }, 60_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('says how to enable it, in one line (the test server preloads it)', async () => {
    const error = await runTop({ ...OPTIONS, db: t.url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopError);
    expect((error as TopError).userMessage).toBe(
      `pg_stat_statements is loaded on the server but not created in this database: run CREATE EXTENSION pg_stat_statements; in database "${t.name}" (as a superuser or its owner), then let the workload run.`,
    );
  });
});
