import { expect, it } from 'vitest';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { ruleLines } from './support/rule-diagnostics.js';

const RULE = 'require-lock-timeout';
const SCHEMA =
  'CREATE TABLE posts (id bigint PRIMARY KEY, title text NOT NULL);\nCREATE TABLE users (id bigint PRIMARY KEY);\n';
const lines = (found: readonly { line?: number }[]) => found.map((d) => d.line);

describeSchemaRule(RULE, (engine) => {
  it('reports a strong lock on an existing table taken with no lock_timeout, once per transaction', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_cols.up.sql':
        'CREATE TABLE tags (id bigint PRIMARY KEY);\nALTER TABLE posts ADD COLUMN a int;\nALTER TABLE users ADD COLUMN b int;\n',
    });
    expect(lines(found)).toEqual([2]);
    expect(found[0]?.data).toMatchObject({
      table: 'public.posts',
      lock: 'AccessExclusiveLock',
      lockTimeoutMs: 0,
    });
    expect(found[0]?.message).toContain('reads included');
    expect(found[0]?.suggestedSql).toBe(
      "SET LOCAL lock_timeout = '3s';\nALTER TABLE posts ADD COLUMN a int;",
    );
  });

  it('reports a lock that blocks only writes (a foreign key to an existing table), outside a transaction with SET', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_likes.up.sql':
        'CREATE TABLE likes (id bigint PRIMARY KEY, post_id bigint NOT NULL REFERENCES posts (id));\n',
    });
    expect(found.map((d) => d.data?.lock)).toEqual(['ShareRowExclusiveLock']);
    expect(found[0]?.message).toContain('every write to it');
    expect(found[0]?.suggestedSql?.startsWith("SET lock_timeout = '3s';\n")).toBe(true);
  });

  it('leaves alone tables created in the same migration, weak locks, and statements after SET lock_timeout', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_new.up.sql':
        'CREATE TABLE tags (id bigint PRIMARY KEY);\nALTER TABLE tags ADD COLUMN a int;\n',
      'migrations/000002_read.up.sql': 'CREATE INDEX CONCURRENTLY posts_title_idx ON posts (title);\n',
      'migrations/000003_safe.up.sql':
        "SET LOCAL lock_timeout = '3s';\nALTER TABLE posts ADD COLUMN a int;\n",
    });
    expect(found).toEqual([]);
  });

  it('is clean once its own fix is applied', async () => {
    const [finding] = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_col.up.sql': 'ALTER TABLE posts ADD COLUMN a int;\n',
    });
    await engine.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    const after = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_col.up.sql': `${finding?.suggestedSql}\n`,
    });
    expect(finding).toBeDefined();
    expect(after).toEqual([]);
  });
});
