import { expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { checkProject } from '../support/check-project.js';

const POSTS = 'CREATE TABLE posts (id bigint PRIMARY KEY, status text NOT NULL, title text NOT NULL);\n';

const summary = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => [d.rule, d.line]);

describeSchemaRule('migration rules, judged by what the engine observed', (engine) => {
  it('reports a plain CREATE INDEX on a table that existed before the migration, with the concurrent form', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': POSTS,
      'migrations/000001_index.up.sql': '-- index\nCREATE INDEX posts_status_idx ON posts (status);\n',
    });
    expect(summary(diagnostics)).toEqual([['require-concurrent-index', 2]]);
    expect(diagnostics[0]?.suggestedSql).toBe(
      'CREATE INDEX CONCURRENTLY posts_status_idx ON posts (status);',
    );
    expect(diagnostics[0]?.data).toMatchObject({ table: 'public.posts', lock: 'ShareLock', observed: true });
  });

  it('reports every plain build on the table, also those whose lock an earlier build of the transaction took', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': POSTS,
      'migrations/000001_index.up.sql':
        'CREATE INDEX posts_status_idx ON posts (status);\nCREATE INDEX posts_title_idx ON posts (title);\n',
    });
    expect(summary(diagnostics)).toEqual([
      ['require-concurrent-index', 1],
      ['require-concurrent-index', 2],
    ]);
  });

  it('leaves alone an index on a table created in the same migration, and a concurrent one', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': POSTS,
      'migrations/000001_likes.up.sql':
        'CREATE TABLE likes (id bigint PRIMARY KEY, post_id bigint REFERENCES posts (id));\nCREATE INDEX likes_post_id_idx ON likes (post_id);\n',
      'migrations/000002_index.up.sql': 'CREATE INDEX CONCURRENTLY posts_status_idx ON posts (status);\n',
    });
    expect(summary(diagnostics)).toEqual([]);
  });

  it('judges a table created by an earlier migration as existing', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': POSTS,
      'migrations/000001_likes.up.sql': 'CREATE TABLE likes (id bigint PRIMARY KEY, note text);\n',
      'migrations/000002_index.up.sql': 'CREATE INDEX likes_note_idx ON likes (note);\n',
    });
    expect(diagnostics.map((d) => [d.rule, d.data?.table])).toEqual([
      ['require-concurrent-index', 'public.likes'],
    ]);
  });

  it('reports CONCURRENTLY in a migration the tool runs in a transaction, with the way out for that tool', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': POSTS,
      'migrations/000001_two.up.sql':
        'CREATE INDEX CONCURRENTLY posts_status_idx ON posts (status);\nCREATE INDEX CONCURRENTLY posts_title_idx ON posts (title);\n',
    });
    expect(summary(diagnostics)).toEqual([
      ['ban-concurrent-in-transaction', 1],
      ['ban-concurrent-in-transaction', 2],
    ]);
    expect(diagnostics[0]?.help).toContain('alone in a migration file of its own');
  });

  it('goes on after a refused statement inside the transaction, and sees the lock held to the end', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': POSTS,
      'migrations/000001_mixed.up.sql':
        'ALTER TABLE nosuch ADD COLUMN x int;\nCREATE INDEX posts_status_idx ON posts (status);\n',
    });
    expect(summary(diagnostics)).toEqual([
      ['statement-failed', 1],
      ['require-concurrent-index', 2],
    ]);
    expect(diagnostics[1]?.why).toContain('held until the migration’s transaction commits');
  });

  it("honours the file's own BEGIN and COMMIT in a plain folder", async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': POSTS,
      'migrations/001_index.sql': 'BEGIN;\nCREATE INDEX posts_status_idx ON posts (status);\nCOMMIT;\n',
    });
    expect(summary(diagnostics)).toEqual([['require-concurrent-index', 2]]);
    expect(diagnostics[0]?.data?.inTransaction).toBe(true);
  });
});
