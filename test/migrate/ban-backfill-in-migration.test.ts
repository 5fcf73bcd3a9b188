import { expect, it } from 'vitest';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { ruleLines } from './support/rule-diagnostics.js';

const RULE = 'ban-backfill-in-migration';
const SCHEMA =
  'CREATE TABLE posts (id bigint PRIMARY KEY, title text NOT NULL, score int);\nCREATE TABLE archive (id bigint PRIMARY KEY, title text NOT NULL);\n';

describeSchemaRule(RULE, (engine) => {
  it('reports UPDATE, DELETE and INSERT ... SELECT on existing tables, by the rows the engine saw change', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_backfill.up.sql': [
        'UPDATE posts SET score = coalesce(score, 0);',
        'INSERT INTO archive (id, title) SELECT id + 1000000, title FROM posts;',
        'DELETE FROM posts;',
        '',
      ].join('\n'),
    });
    expect(found.map((d) => [d.line, d.data?.table])).toEqual([
      [1, 'public.posts'],
      [2, 'public.archive'],
      [3, 'public.posts'],
    ]);
    expect(found[0]?.data?.updated).toBeGreaterThan(0);
    expect(found[0]?.suggestedSql).toContain('UPDATE public.posts SET');
    expect(found[2]?.suggestedSql).toContain('DELETE FROM public.posts');
    expect(found[0]?.message).toContain('until the migration commits');
  });

  it('leaves alone rows of a table created in the migration, seed rows, and updates that match nothing', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_new.up.sql':
        "CREATE TABLE tags (id bigint PRIMARY KEY, name text);\nINSERT INTO tags VALUES (1, 'news');\nUPDATE tags SET name = 'new';\n",
      'migrations/000002_seed.up.sql': "INSERT INTO archive (id, title) VALUES (-1, 'seed');\n",
      'migrations/000003_none.up.sql': 'UPDATE posts SET score = 1 WHERE id = -42;\n',
    });
    expect(found).toEqual([]);
  });
});
