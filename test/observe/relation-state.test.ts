import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { observeStatement } from '../../src/observe/observe-statement.js';
import { compareRelationStates } from '../../src/observe/relation-changes.js';
import { readRelationState } from '../../src/observe/relation-state.js';
import { describeEachEngine } from '../support/engines.js';

describeEachEngine('readRelationState', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await engine.exec(`CREATE SCHEMA "Odd";
      CREATE TABLE "Odd"."T" (id serial PRIMARY KEY, body text);
      CREATE TABLE logs (at date) PARTITION BY RANGE (at);
      CREATE VIEW v AS SELECT 1 AS one`);
  });
  afterAll(() => engine.close());

  it('lists user relations by kind, quoted names, no toast and no catalogs', async () => {
    const state = await readRelationState(engine);
    const kinds = Object.fromEntries([...state.relations.values()].map((r) => [r.name, r.kind]));
    // The server's template has pg_stat_statements in public: its views are user relations too.
    expect(
      Object.keys(kinds).filter((name) => /^(pg_toast|pg_catalog|information_schema)\./.test(name)),
    ).toEqual([]);
    expect(kinds).toMatchObject({
      '"Odd"."T"': 'table',
      '"Odd"."T_pkey"': 'index',
      '"Odd"."T_id_seq"': 'sequence',
      'public.logs': 'partitioned-table',
      'public.v': 'view',
    });
  });

  it('relations without storage have no file node; the others have one', async () => {
    const state = await readRelationState(engine);
    const withFiles = [...state.relations.values()]
      .filter((r) => r.filenode !== undefined)
      .map((r) => r.name);
    expect(withFiles.sort()).toEqual(['"Odd"."T"', '"Odd"."T_id_seq"', '"Odd"."T_pkey"']);
  });

  it('tells created, dropped and rewritten apart by oid and file node', async () => {
    const before = await readRelationState(engine);
    // Apart: a multi-statement string is one implicit transaction, where VACUUM may not run.
    await engine.exec('VACUUM FULL "Odd"."T"');
    await engine.exec('DROP VIEW v; CREATE INDEX ON "Odd"."T" (body)');
    const changes = compareRelationStates(before, await readRelationState(engine));
    expect(changes).toEqual({
      rewritten: [
        { relation: '"Odd"."T"', kind: 'table' },
        { relation: '"Odd"."T_pkey"', kind: 'index' },
      ],
      created: [{ relation: '"Odd"."T_body_idx"', kind: 'index' }],
      dropped: [{ relation: 'public.v', kind: 'view' }],
    });
  });
});

describeEachEngine('observeStatement failures', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await engine.exec('CREATE TABLE t (a int)');
  });
  afterAll(() => engine.close());

  it("reports Postgres's error and SQLSTATE, and leaves nothing behind", async () => {
    const outcome = await observeStatement(engine, 'ALTER TABLE t ADD b int; ALTER TABLE nope ADD c int', {
      inTransaction: false,
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { sqlstate: '42P01', message: 'relation "nope" does not exist' },
    });
    const columns = await engine.query(
      "SELECT 1 FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'b'",
    );
    expect(columns.rows).toEqual([]);
  });

  it('times the statement and says how it ran', async () => {
    const outcome = await observeStatement(engine, 'SELECT pg_sleep(0.05)', { inTransaction: false });
    expect(outcome).toMatchObject({ ok: true, ranAs: 'own-transaction', holdsXid: false });
    expect(outcome.ok && outcome.durationMs).toBeGreaterThanOrEqual(40);
  });
});
