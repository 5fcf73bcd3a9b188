import { expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkWithRule } from '../migrate/support/rule-diagnostics.js';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';

// Three synthetic rows go into posts before the migration runs.
const SCHEMA = 'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n';
const ZERO = { seqScans: 0, rowsRead: 0, inserted: 0, updated: 0, deleted: 0 };

describeSchemaRule('trace-step', (engine) => {
  /** The trace-step diagnostics by file name and line: "000001_x.up.sql:3". */
  async function traced(migration: Record<string, string>): Promise<Map<string, Diagnostic>> {
    const all = await checkWithRule(engine, 'trace-step', { 'schema.sql': SCHEMA, ...migration });
    expect(all.filter((d) => d.rule === 'statement-failed')).toEqual([]);
    const steps = all.filter((d) => d.rule === 'trace-step');
    return new Map(steps.map((d) => [`${d.file?.split('/').at(-1)}:${d.line}`, d]));
  }

  it('records each statement’s own scans, rows, rewrites and builds, though the transaction has more pending', async () => {
    const steps = await traced({
      'migrations/000001_x.up.sql': [
        'UPDATE posts SET title = title;',
        'ALTER TABLE posts ADD COLUMN note text;',
        'SELECT count(*) FROM posts;',
        'ALTER TABLE posts ALTER COLUMN title TYPE varchar(100);',
        'CREATE INDEX posts_note ON posts (note);',
        // The synthetic titles are '1', '2' and '3'.
        "DELETE FROM posts WHERE title = '2';",
        'SET lock_timeout = 0;',
      ].join('\n'),
    });
    const data = (line: number) => steps.get(`000001_x.up.sql:${line}`)?.data;
    expect(data(1)).toMatchObject({
      ranAs: 'in-transaction',
      heldUntil: 'end of transaction',
      // UPDATE locks the table's indexes too.
      locks: [
        { relation: 'public.posts', lock: 'RowExclusiveLock', taken: true },
        { relation: 'public.posts_pkey', lock: 'RowExclusiveLock', taken: true },
      ],
      tables: [{ relation: 'public.posts', ...ZERO, seqScans: 1, rowsRead: 3, updated: 3 }],
      rewritten: [],
    });
    // ADD COLUMN without a default touches no row.
    expect(data(2)).toMatchObject({
      locks: [
        { relation: 'public.posts', lock: 'AccessExclusiveLock', taken: true },
        { relation: 'public.posts_pkey', lock: 'RowExclusiveLock', taken: false },
      ],
      tables: [],
      rewritten: [],
    });
    // The same counters as line 1, although line 1's are still pending in the same transaction.
    expect(data(3)).toMatchObject({
      locks: [
        { relation: 'public.posts', lock: 'AccessExclusiveLock', taken: false },
        { relation: 'public.posts_pkey', lock: 'RowExclusiveLock', taken: false },
      ],
      tables: [{ relation: 'public.posts', ...ZERO, seqScans: 1, rowsRead: 3 }],
    });
    expect(data(4)).toMatchObject({ rewritten: ['public.posts', 'public.posts_pkey'] });
    expect(data(4)?.indexesBuilt).toContain('public.posts_pkey');
    expect(data(5)).toMatchObject({ created: ['public.posts_note'], indexesBuilt: ['public.posts_note'] });
    expect(data(6)?.tables).toEqual([
      { relation: 'public.posts', ...ZERO, seqScans: 1, rowsRead: 3, deleted: 1 },
    ]);
    // A SET locks, writes and scans nothing: no record.
    expect(steps.has('000001_x.up.sql:7')).toBe(false);
    expect(steps.get('000001_x.up.sql:1')?.message).toBe(
      'Traced: took ROW EXCLUSIVE on public.posts, ROW EXCLUSIVE on public.posts_pkey; public.posts: 1 seq scan (3 rows read), 3 updated.',
    );
    expect(steps.get('000001_x.up.sql:4')?.message).toContain('rewrote public.posts');
  });

  it('records statements outside a transaction, their locks held during the statement only', async () => {
    // golang-migrate sends a file of one statement as one query: no transaction around it but its own.
    const steps = await traced({
      'migrations/000001_a.up.sql': 'UPDATE posts SET title = title;',
      'migrations/000002_b.up.sql': 'SELECT count(*) FROM posts;',
      'migrations/000003_c.up.sql': 'CREATE INDEX CONCURRENTLY posts_title ON posts (title);',
    });
    expect(steps.get('000001_a.up.sql:1')?.data).toMatchObject({
      ranAs: 'own-transaction',
      heldUntil: 'end of statement',
      locksFrom: 'pg_locks',
      tables: [{ relation: 'public.posts', ...ZERO, seqScans: 1, rowsRead: 3, updated: 3 }],
    });
    // The counts of the migration before, committed but perhaps not yet flushed, stay out.
    expect(steps.get('000002_b.up.sql:1')?.data?.tables).toEqual([
      { relation: 'public.posts', ...ZERO, seqScans: 1, rowsRead: 3 },
    ]);
    const cic = steps.get('000003_c.up.sql:1');
    expect(cic?.data).toMatchObject({
      ranAs: 'autocommit',
      heldUntil: 'end of statement',
      locksFrom: 'statement kind',
      locks: [
        { relation: 'public.posts', lock: 'ShareUpdateExclusiveLock', taken: true },
        { relation: 'public.posts_title', lock: 'AccessExclusiveLock', taken: true },
      ],
      indexesBuilt: ['public.posts_title'],
    });
    expect(cic?.data?.tables).toBeUndefined();
    expect(cic?.message).toBe(
      'Traced: held SHARE UPDATE EXCLUSIVE on public.posts only while it ran (known from its kind); built public.posts_title.',
    );
  });
});
