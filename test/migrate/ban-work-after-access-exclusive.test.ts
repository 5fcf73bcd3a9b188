import { expect, it } from 'vitest';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { ruleLines } from './support/rule-diagnostics.js';

const RULE = 'ban-work-after-access-exclusive';
const SCHEMA =
  'CREATE TABLE posts (id bigint PRIMARY KEY, title text NOT NULL);\nCREATE TABLE users (id bigint PRIMARY KEY, name text);\n';

describeSchemaRule(RULE, (engine) => {
  it('reports an index build and a lock on another table after ACCESS EXCLUSIVE in the same transaction', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_mixed.up.sql': [
        'ALTER TABLE posts ADD COLUMN a int;',
        'ALTER TABLE posts ADD COLUMN b int;',
        'CREATE INDEX posts_title_idx ON posts (title);',
        'ALTER TABLE users ADD COLUMN c int;',
        '',
      ].join('\n'),
    });
    expect(found.map((d) => [d.line, d.data?.work])).toEqual([
      [3, ['scans public.posts']],
      [4, ['waits for a lock on public.users']],
    ]);
    expect(found[0]?.data?.lockedTables).toEqual(['public.posts']);
  });

  it('leaves alone cheap statements on the locked table, a lone migration, and tables created in the migration', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_cols.up.sql':
        'ALTER TABLE posts ADD COLUMN a int;\nALTER TABLE posts ADD COLUMN b int;\n',
      'migrations/000002_new.up.sql':
        'CREATE TABLE tags (id bigint PRIMARY KEY, name text);\nALTER TABLE tags ADD COLUMN c int;\nCREATE INDEX tags_name_idx ON tags (name);\n',
      'migrations/000003_index.up.sql': 'CREATE INDEX CONCURRENTLY users_name_idx ON users (name);\n',
    });
    expect(found).toEqual([]);
  });

  it('does not judge statements that run outside a transaction, and is clean with the strong lock last', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/001_split.sql':
        'ALTER TABLE posts ADD COLUMN a int;\nCREATE INDEX posts_title_idx ON posts (title);\n',
      'migrations/002_last.sql':
        'BEGIN;\nCREATE INDEX users_name_idx ON users (name);\nALTER TABLE posts ADD COLUMN b int;\nCOMMIT;\n',
    });
    expect(found).toEqual([]);
  });

  const MIXED = 'ALTER TABLE posts ADD COLUMN a int;\nCREATE INDEX posts_title_idx ON posts (title);\n';

  it('says a later migration helps only if deployed on its own, for a tool that applies every pending migration in one transaction', async () => {
    const [found] = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'drizzle/0000_mixed.sql': MIXED,
      'drizzle/meta/_journal.json': JSON.stringify({ entries: [{ tag: '0000_mixed' }] }),
    });
    expect(found?.help).toContain(
      'A later migration helps only if it is deployed on its own: drizzle-kit migrate runs every pending migration in one transaction.',
    );
  });

  it('does not add that caveat for a tool that commits each migration apart', async () => {
    const [found] = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_mixed.up.sql': MIXED,
    });
    expect(found?.help).toMatch(/^Split the migration/);
    expect(found?.help).not.toContain('deployed on its own');
  });
});
