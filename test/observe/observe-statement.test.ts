import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { type LockMode, strongestLock } from '../../src/observe/lock-modes.js';
import type { StatementObservation, StatementOutcome } from '../../src/observe/observation.js';
import { observeStatement } from '../../src/observe/observe-statement.js';
import { fillTables } from '../../src/observe/synthetic-rows.js';
import { describeEachEngine } from '../support/engines.js';

/**
 * What Postgres does, as migration rules will be judged against it. One line per fact; each runs on a table with
 * rows, inside a transaction that is rolled back (autocommit facts run last: they commit).
 */
interface Fact {
  readonly says: string;
  readonly sql: string;
  /** Runs first, in the same transaction. */
  readonly given?: string;
  /** Strongest new lock on each table that existed before the statement, exactly. */
  readonly locks?: Readonly<Record<string, LockMode>> | 'not observable';
  /** Relations (tables and indexes) with a new file node, exactly. */
  readonly rewrites?: readonly string[];
  /** Tables whose rows a sequential scan read, exactly (an index rebuild on an emptied table scans no rows). */
  readonly scans?: readonly string[] | 'not observable';
  readonly created?: readonly string[];
  /** Runs outside any transaction of ours, as autocommit would. */
  readonly autocommit?: true;
  /** The statement fails with this SQLSTATE. */
  readonly fails?: string;
}

const C = 'public.child';
const P = 'public.parent';
const CK = 'public.child_pkey';
const AE: LockMode = 'AccessExclusiveLock';
const SRE: LockMode = 'ShareRowExclusiveLock';
const FK = 'ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id)';

// One fact per line, so adding a case is adding a line.
// biome-ignore format: a table
const facts: readonly Fact[] = [
  { says: 'ADD COLUMN with a constant default: no rewrite (PG11+)', sql: 'ALTER TABLE child ADD d int DEFAULT 7', locks: { [C]: AE }, rewrites: [], scans: [] },
  { says: 'ADD COLUMN with a stable default (now()): no rewrite', sql: 'ALTER TABLE child ADD d timestamptz DEFAULT now()', rewrites: [], scans: [] },
  { says: 'ADD COLUMN DEFAULT random(): rewrite', sql: 'ALTER TABLE child ADD d float8 DEFAULT random()', locks: { [C]: AE }, rewrites: [C, CK], scans: [C] },
  { says: 'ADD COLUMN DEFAULT gen_random_uuid(): rewrite', sql: 'ALTER TABLE child ADD d uuid DEFAULT gen_random_uuid()', rewrites: [C, CK], scans: [C] },
  { says: 'ADD COLUMN serial: rewrite (nextval is volatile)', sql: 'ALTER TABLE child ADD d serial', rewrites: [C, CK], scans: [C], created: ['public.child_d_seq'] },
  { says: 'ADD COLUMN GENERATED ALWAYS AS (...) STORED: rewrite', sql: 'ALTER TABLE child ADD d int GENERATED ALWAYS AS (a * 2) STORED', rewrites: [C, CK], scans: [C] },
  { says: 'ADD COLUMN nullable FK without default: catalog only, parent not scanned', sql: 'ALTER TABLE child ADD d int REFERENCES parent', locks: { [C]: AE, [P]: 'ShareRowExclusiveLock' }, rewrites: [], scans: [] },
  { says: 'TYPE varchar(500) -> text: no rewrite, no scan', sql: 'ALTER TABLE child ALTER b TYPE text', locks: { [C]: AE }, rewrites: [], scans: [] },
  { says: 'TYPE varchar(500) -> varchar(1000): no rewrite', sql: 'ALTER TABLE child ALTER b TYPE varchar(1000)', rewrites: [], scans: [] },
  { says: 'TYPE varchar(500) -> varchar(10): narrowing rewrites', sql: 'ALTER TABLE child ALTER b TYPE varchar(10)', rewrites: [C, CK], scans: [C] },
  { says: 'TYPE int -> bigint: rewrite, indexes rebuilt', sql: 'ALTER TABLE child ALTER a TYPE bigint', locks: { [C]: AE }, rewrites: [C, CK], scans: [C] },
  { says: 'SET NOT NULL scans the table', sql: 'ALTER TABLE child ALTER a SET NOT NULL', locks: { [C]: AE }, rewrites: [], scans: [C] },
  { says: 'SET NOT NULL after a validated CHECK (a IS NOT NULL): no scan (PG12+)', given: 'ALTER TABLE child ADD CONSTRAINT child_a_nn CHECK (a IS NOT NULL)', sql: 'ALTER TABLE child ALTER a SET NOT NULL', rewrites: [], scans: [] },
  { says: 'CREATE INDEX: SHARE on the table, one scan', sql: 'CREATE INDEX child_a_idx ON child (a)', locks: { [C]: 'ShareLock' }, rewrites: [], scans: [C], created: ['public.child_a_idx'] },
  { says: 'ADD FOREIGN KEY: SHARE ROW EXCLUSIVE on both tables, scans the child', sql: FK, locks: { [C]: SRE, [P]: SRE }, rewrites: [], scans: [C] },
  { says: 'ADD FOREIGN KEY NOT VALID: SHARE ROW EXCLUSIVE on both, no scan', sql: `${FK} NOT VALID`, locks: { [C]: SRE, [P]: SRE }, rewrites: [], scans: [] },
  { says: 'VALIDATE CONSTRAINT: SHARE UPDATE EXCLUSIVE, ROW SHARE on the parent', given: `${FK} NOT VALID`, sql: 'ALTER TABLE child VALIDATE CONSTRAINT child_parent_fk', locks: { [C]: 'ShareUpdateExclusiveLock', [P]: 'RowShareLock' }, rewrites: [], scans: [C] },
  { says: 'ADD CHECK NOT VALID: no scan', sql: 'ALTER TABLE child ADD CHECK (a > 0) NOT VALID', locks: { [C]: AE }, rewrites: [], scans: [] },
  { says: 'ADD CHECK (validated) scans the table', sql: 'ALTER TABLE child ADD CHECK (a > 0)', locks: { [C]: AE }, rewrites: [], scans: [C] },
  { says: 'ADD PRIMARY KEY builds its index with a scan', sql: 'ALTER TABLE parent DROP CONSTRAINT parent_pkey CASCADE; ALTER TABLE parent ADD PRIMARY KEY (id)', locks: { [P]: AE }, created: ['public.parent_pkey'], scans: [P] },
  { says: 'CLUSTER rewrites the table and its indexes', sql: 'CLUSTER child USING child_pkey', locks: { [C]: AE }, rewrites: [C, CK], scans: [C] },
  { says: 'SET UNLOGGED rewrites', sql: 'ALTER TABLE child SET UNLOGGED', locks: { [C]: AE }, rewrites: [C, CK], scans: [C] },
  { says: 'TRUNCATE gives new files; rebuilding the empty index reads no rows', sql: 'TRUNCATE child', locks: { [C]: AE }, rewrites: [C, CK], scans: [] },
  { says: 'REINDEX TABLE rebuilds the indexes only, SHARE on the table', sql: 'REINDEX TABLE child', locks: { [C]: 'ShareLock' }, rewrites: [CK], scans: [C] },
  { says: 'an UPDATE backfill takes ROW EXCLUSIVE and scans', sql: 'UPDATE child SET c = b', locks: { [C]: 'RowExclusiveLock' }, rewrites: [], scans: [C] },
  { says: 'CREATE INDEX CONCURRENTLY cannot run in a transaction block', sql: 'CREATE INDEX CONCURRENTLY child_b_idx ON child (b)', fails: '25001' },
  { says: 'VACUUM FULL rewrites; it runs bare, so its locks are not observable', sql: 'VACUUM FULL child', autocommit: true, locks: 'not observable', scans: 'not observable', rewrites: [C, CK] },
  { says: 'CREATE INDEX CONCURRENTLY runs bare and creates the index', sql: 'CREATE INDEX CONCURRENTLY child_b_idx ON child (b)', autocommit: true, locks: 'not observable', rewrites: [], created: ['public.child_b_idx'] },
  { says: 'outside a transaction a statement that allows one runs in its own: locks observable', sql: 'ALTER TABLE child ADD e int', autocommit: true, locks: { [C]: AE }, rewrites: [] },
];

function strongestPerTable(observation: StatementObservation): Record<string, LockMode> | 'not observable' {
  if (observation.locks === 'not observable') return 'not observable';
  const created = new Set(observation.created.map((r) => r.relation));
  const tables = observation.locks.filter((l) => l.kind === 'table' && !created.has(l.relation));
  const names = [...new Set(tables.map((l) => l.relation))];
  return Object.fromEntries(
    names.flatMap((n) => {
      const mode = strongestLock(tables.filter((l) => l.relation === n).map((l) => l.mode));
      return mode ? [[n, mode]] : [];
    }),
  );
}

function names(refs: readonly { relation: string }[]): readonly string[] {
  return refs.map((r) => r.relation);
}

describeEachEngine('observeStatement', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await engine.exec(`CREATE TABLE parent (id int PRIMARY KEY);
      CREATE TABLE child (id int PRIMARY KEY, parent_id int, a int, b varchar(500), c text)`);
    await fillTables(engine, ['child', 'parent']);
  });
  afterAll(() => engine.close());

  async function observe(fact: Fact): Promise<StatementOutcome> {
    if (fact.autocommit) return observeStatement(engine, fact.sql, { inTransaction: false });
    return engine.transaction(
      async (tx) => {
        if (fact.given) await tx.exec(fact.given);
        return observeStatement(tx, fact.sql, { inTransaction: true });
      },
      { rollback: true },
    );
  }

  for (const fact of facts) {
    it(fact.says, async () => {
      const outcome = await observe(fact);
      if (fact.fails) {
        expect(outcome).toMatchObject({ ok: false, error: { sqlstate: fact.fails } });
        return;
      }
      if (!outcome.ok) throw new Error(outcome.error.message);
      const scans =
        outcome.activity === 'not observable'
          ? 'not observable'
          : outcome.activity.filter((a) => a.rowsRead > 0).map((a) => a.relation);
      if (process.env.PGVIGIL_OBSERVE_PRINT)
        console.log(
          fact.says,
          JSON.stringify({
            locks: outcome.locks,
            rewritten: names(outcome.rewritten),
            created: names(outcome.created),
            activity: outcome.activity,
          }),
        );
      if (fact.locks) expect(strongestPerTable(outcome)).toEqual(fact.locks);
      if (fact.rewrites) expect(names(outcome.rewritten)).toEqual(fact.rewrites);
      if (fact.scans) expect(scans).toEqual(fact.scans);
      if (fact.created) expect(names(outcome.created)).toEqual(fact.created);
    });
  }
});
