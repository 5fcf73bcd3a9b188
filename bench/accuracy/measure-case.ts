import pg from 'pg';
import { urlForDatabase } from '../../src/engine/database-url.js';
import { isLockMode, lockStrength } from '../../src/observe/lock-modes.js';
import { initSql } from '../../src/sql/parser.js';
import { splitStatements } from '../../src/sql/split.js';
import type { AccuracyCase } from './case-file.js';
import {
  activityDelta,
  type LockRow,
  locksOf,
  type RelationRow,
  relationSnapshot,
  tableCounters,
} from './catalog-snapshot.js';
import { pollLocks, type SampledLocks } from './lock-poller.js';
import type { CaseTruth, CreatedFact, ExistingRelation, LockFact, StatementFacts } from './truth-model.js';

type Snapshot = ReadonlyMap<number, RelationRow>;

function relationFacts(before: Snapshot, after: Snapshot) {
  const rewritten: string[] = [];
  const created: CreatedFact[] = [];
  for (const [oid, now] of after) {
    const was = before.get(oid);
    if (!was)
      created.push({ relation: now.name, kind: now.kind, ...(now.table ? { table: now.table } : {}) });
    else if (was.relfilenode !== now.relfilenode && was.relfilenode !== 0) rewritten.push(was.name);
  }
  return {
    rewritten: rewritten.sort(),
    created: created.sort((a, b) => a.relation.localeCompare(b.relation)),
  };
}

/** Names as they were before the migration (a RENAME must not hide the table it renamed). */
function namer(...snapshots: Snapshot[]) {
  return (oid: number, fallback?: string): string => {
    for (const snapshot of snapshots) {
      const row = snapshot.get(oid);
      if (row) return row.name;
    }
    return fallback && !/^\d+$/.test(fallback) ? fallback : '(relation created and gone)';
  };
}

function lockFacts(rows: readonly LockRow[], nameOf: ReturnType<typeof namer>): LockFact[] {
  const facts = new Map<string, LockFact>();
  for (const row of rows) {
    if (!isLockMode(row.mode)) continue;
    const fact = { relation: nameOf(row.oid, row.name), mode: row.mode };
    facts.set(`${fact.relation} ${fact.mode}`, fact);
  }
  return [...facts.values()].sort(
    (a, b) => a.relation.localeCompare(b.relation) || lockStrength(a.mode) - lockStrength(b.mode),
  );
}

/**
 * A lock seen in at least half of the samples was held while the statement worked. One seen less
 * often was taken for a moment, and whether a poll catches such a moment is luck: left out, so the
 * file is the same on every run.
 */
function sampledLockFacts(sampled: SampledLocks, nameOf: ReturnType<typeof namer>) {
  const held = sampled.seen.filter((s) => s.count * 2 >= sampled.samples).map((s) => s.row);
  return { locks: lockFacts(held, nameOf) };
}

async function runStatement(client: pg.Client, sql: string) {
  try {
    await client.query(sql);
    return undefined;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return { code: code ?? 'unknown', message };
  }
}

async function measureStatements(url: string, c: AccuracyCase, client: pg.Client, pid: number) {
  const start = await relationSnapshot(client);
  const statements: StatementFacts[] = [];
  let previous: Snapshot = start;
  for (const { text } of splitStatements(c.migration, `${c.name}.sql`).statements) {
    const countersBefore = await tableCounters(client, c.inTransaction);
    const poller = c.inTransaction ? undefined : await pollLocks(url, pid);
    const error = await runStatement(client, text);
    const sampled = poller ? await poller.stop() : undefined;
    if (error && c.inTransaction) {
      statements.push({
        sql: text,
        error,
        lockSource: 'own-session',
        locks: [],
        activity: [],
        rewritten: [],
        created: [],
      });
      break;
    }
    const after = await relationSnapshot(client);
    const nameOf = namer(start, after, previous);
    statements.push({
      sql: text,
      ...(error ? { error } : {}),
      ...(sampled
        ? { lockSource: 'sampled' as const, ...sampledLockFacts(sampled, nameOf) }
        : { lockSource: 'own-session' as const, locks: lockFacts(await locksOf(client, pid), nameOf) }),
      activity: activityDelta(countersBefore, await tableCounters(client, c.inTransaction), (oid) =>
        nameOf(oid),
      ),
      ...relationFacts(previous, after),
    });
    previous = after;
    if (error) break;
  }
  return { start, statements };
}

function existingOf(snapshot: Snapshot): ExistingRelation[] {
  return [...snapshot.values()]
    .map(({ name, kind, table }) => ({ relation: name, kind, ...(table ? { table } : {}) }))
    .sort((a, b) => a.relation.localeCompare(b.relation));
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * One case on a fresh database: the setup in one session, then the migration in a FRESH one
 * (statistics the setup left pending would otherwise show in the transaction's views).
 */
export async function measureCase(adminUrl: string, c: AccuracyCase): Promise<CaseTruth> {
  await initSql();
  const database = `accuracy_${c.name.replace(/-/g, '_')}`;
  await withClient(adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
  });
  const url = urlForDatabase(adminUrl, database);
  try {
    await withClient(url, (setup) => setup.query(c.setup));
    const { start, statements } = await withClient(url, async (client) => {
      const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;
      if (c.inTransaction) await client.query('BEGIN');
      try {
        return await measureStatements(url, c, client, pid);
      } finally {
        if (c.inTransaction) await client.query('ROLLBACK');
      }
    });
    const { name, description, needsCatalog, inTransaction } = c;
    return { name, description, needsCatalog, inTransaction, existing: existingOf(start), statements };
  } finally {
    await withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  }
}
