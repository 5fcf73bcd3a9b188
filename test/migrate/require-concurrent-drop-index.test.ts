import { expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { describeSchemaRule, resetPublicSchema } from '../rules/support/schema-rule-harness.js';
import { checkProject } from '../support/check-project.js';

const RULE = 'require-concurrent-drop-index';
const POSTS =
  'CREATE TABLE posts (id bigint PRIMARY KEY, status text NOT NULL, title text NOT NULL);\nCREATE INDEX posts_status_idx ON posts (status);\nCREATE INDEX posts_title_idx ON posts (title);\n';

const mine = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.rule === RULE);

describeSchemaRule(RULE, (engine) => {
  const migrate = async (files: Record<string, string>) => {
    await resetPublicSchema(engine);
    return mine((await checkProject(engine, { 'schema.sql': POSTS, ...files })).diagnostics);
  };

  it('reports DROP INDEX on an index that existed before, with one concurrent drop per index', async () => {
    const [finding, ...rest] = await migrate({
      'migrations/000001_drop.up.sql': 'DROP INDEX IF EXISTS posts_status_idx, posts_title_idx;\n',
    });
    expect(rest).toEqual([]);
    expect(finding?.message).toContain('ACCESS EXCLUSIVE lock on public.posts');
    expect(finding?.data).toMatchObject({
      table: 'public.posts',
      lock: 'AccessExclusiveLock',
      indexes: ['public.posts_status_idx', 'public.posts_title_idx'],
    });
    expect(finding?.suggestedSql).toBe(
      'DROP INDEX CONCURRENTLY IF EXISTS posts_status_idx;\nDROP INDEX CONCURRENTLY IF EXISTS posts_title_idx;',
    );
  });

  it('in a transaction, says how to get the concurrent drop out of it', async () => {
    const [finding] = await migrate({
      'migrations/000001_drop.up.sql': 'SELECT 1;\nDROP INDEX posts_status_idx;\n',
    });
    expect(finding?.help).toContain('alone in a migration file of its own');
    expect(finding?.why).toContain('held until the migration’s transaction commits');
  });

  it('leaves alone an index created in the same migration, and DROP INDEX CONCURRENTLY', async () => {
    expect(
      await migrate({
        'migrations/000001_tmp.up.sql':
          'CREATE TABLE tags (id bigint PRIMARY KEY, name text);\nCREATE INDEX tags_name_idx ON tags (name);\nDROP INDEX tags_name_idx;\n',
        'migrations/000002_drop.up.sql': 'DROP INDEX CONCURRENTLY posts_status_idx;\n',
      }),
    ).toEqual([]);
  });

  it('its suggested SQL, run as the next migration, drops the indexes with nothing reported', async () => {
    const [finding] = await migrate({
      'migrations/000001_drop.up.sql': 'DROP INDEX posts_status_idx;\n',
    });
    const fixed = await migrate({ 'migrations/000001_drop.up.sql': `${finding?.suggestedSql}\n` });
    expect(fixed).toEqual([]);
  });
});
