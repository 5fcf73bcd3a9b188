import { expect, it } from 'vitest';
import { ruleLines } from '../migrate/support/rule-diagnostics.js';
import { describeSchemaRule, resetPublicSchema } from '../rules/support/schema-rule-harness.js';

const SCHEMA = 'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n';

describeSchemaRule('lock-timeline', (engine) => {
  async function timeline(files: Record<string, string>) {
    await resetPublicSchema(engine);
    return ruleLines(engine, 'lock-timeline', { 'schema.sql': SCHEMA, ...files });
  }

  it('holds a lock from the statement that took it to the end of the tool’s transaction', async () => {
    const [found, ...rest] = await timeline({
      'migrations/000001_x.up.sql': [
        'ALTER TABLE posts ADD COLUMN note text;',
        'CREATE TABLE tags (id bigint PRIMARY KEY);',
        'CREATE INDEX posts_title ON posts (title);',
      ].join('\n'),
    });
    expect(rest).toEqual([]);
    expect(found?.line).toBe(1);
    // The SHARE lock of the index build is weaker than the ACCESS EXCLUSIVE already held: no new span.
    expect(found?.data?.spans).toEqual([
      {
        table: 'public.posts',
        lock: 'AccessExclusiveLock',
        fromLine: 1,
        until: 'end of migration',
        lines: [1, 2, 3],
      },
    ]);
    expect(found?.message).toContain(
      'public.posts: ACCESS EXCLUSIVE from line 1 until the end of the migration, through 2 more statements (lines 2, 3)',
    );
  });

  it('ends a span at the file’s own COMMIT, shows each stronger lock as it is taken, and a bare statement’s while it runs', async () => {
    const [found] = await timeline({
      'migrations/20240101000000_x.sql': [
        '-- migrate:up transaction:false',
        'BEGIN;',
        'LOCK TABLE posts IN SHARE MODE;',
        'ALTER TABLE posts ADD COLUMN note text;',
        'COMMIT;',
        'CREATE INDEX CONCURRENTLY posts_title ON posts (title);',
        '-- migrate:down',
      ].join('\n'),
    });
    expect(found?.data?.spans).toEqual([
      { table: 'public.posts', lock: 'ShareLock', fromLine: 3, until: 5, lines: [3, 4] },
      { table: 'public.posts', lock: 'AccessExclusiveLock', fromLine: 4, until: 5, lines: [4] },
      // After the COMMIT the build runs bare: pg_locks cannot show its lock afterwards, its kind can.
      {
        table: 'public.posts',
        lock: 'ShareUpdateExclusiveLock',
        fromLine: 6,
        until: 'end of statement',
        lines: [6],
        duringStatementOnly: true,
        fromStatementKind: true,
      },
    ]);
    expect(found?.why).toContain(
      '- public.posts: SHARE UPDATE EXCLUSIVE during line 6 only (held while that statement ran, as its kind does',
    );
  });

  it('shows what a statement run in a transaction of its own held, until its end only', async () => {
    const [found, ...rest] = await timeline({
      'migrations/000001_x.up.sql': 'ALTER TABLE posts ADD COLUMN note text;',
    });
    expect(rest).toEqual([]);
    expect(found?.data?.spans).toEqual([
      {
        table: 'public.posts',
        lock: 'AccessExclusiveLock',
        fromLine: 1,
        until: 'end of statement',
        lines: [1],
        duringStatementOnly: true,
      },
    ]);
    expect(found?.message).toBe(
      'This migration holds locks that block writes on public.posts: public.posts: ACCESS EXCLUSIVE during line 1 only (held while that statement ran).',
    );
  });

  it('is quiet when only tables the migration created are locked', async () => {
    expect(
      await timeline({
        'migrations/000001_x.up.sql':
          'CREATE TABLE tags (id bigint PRIMARY KEY);\nCREATE INDEX tags_id ON tags (id);\n',
      }),
    ).toEqual([]);
  });
});
