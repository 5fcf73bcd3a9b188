import { expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { describeSchemaRule, resetPublicSchema } from '../rules/support/schema-rule-harness.js';
import { checkProject } from '../support/check-project.js';

const RULE = 'require-concurrent-reindex-refresh';
const SCHEMA = `CREATE TABLE posts (id bigint PRIMARY KEY, status text NOT NULL);
CREATE INDEX posts_status_idx ON posts (status);
CREATE MATERIALIZED VIEW post_counts AS SELECT status, count(*) AS n FROM posts GROUP BY status;
CREATE UNIQUE INDEX post_counts_status_key ON post_counts (status);
`;

const mine = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.rule === RULE);

describeSchemaRule(RULE, (engine) => {
  const migrate = async (sql: string) => {
    await resetPublicSchema(engine);
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_change.up.sql': sql,
    });
    return { mine: mine(diagnostics), all: diagnostics };
  };

  it('reports REINDEX of an existing index: SHARE on the table, the concurrent form as the fix', async () => {
    const { mine: findings } = await migrate('REINDEX INDEX posts_status_idx;\n');
    expect(findings.map((f) => f.data)).toEqual([
      {
        indexes: ['public.posts_status_idx'],
        table: 'public.posts',
        lock: 'ShareLock',
        inTransaction: false,
      },
    ]);
    expect(findings[0]?.suggestedSql).toBe('REINDEX INDEX CONCURRENTLY posts_status_idx;');
  });

  it('reports REINDEX TABLE with every index it rebuilt, and no table rewrite', async () => {
    const { mine: findings, all } = await migrate('REINDEX TABLE posts;\n');
    expect(findings[0]?.data?.indexes).toEqual(['public.posts_pkey', 'public.posts_status_idx']);
    expect(all.filter((d) => d.rule === 'ban-table-rewrite')).toEqual([]);
  });

  it('reports REFRESH MATERIALIZED VIEW: ACCESS EXCLUSIVE on the view, and says CONCURRENTLY needs a unique index', async () => {
    const { mine: findings } = await migrate('REFRESH MATERIALIZED VIEW post_counts;\n');
    expect(findings.map((f) => f.data)).toEqual([
      { matview: 'public.post_counts', lock: 'AccessExclusiveLock', observed: true, inTransaction: false },
    ]);
    expect(findings[0]?.help).toContain('unique index');
    expect(findings[0]?.suggestedSql).toContain('REFRESH MATERIALIZED VIEW CONCURRENTLY post_counts;');
  });

  it('leaves alone the concurrent forms and relations created in the same migration', async () => {
    for (const sql of [
      'REINDEX INDEX CONCURRENTLY posts_status_idx;\n',
      'REFRESH MATERIALIZED VIEW CONCURRENTLY post_counts;\n',
      'CREATE TABLE tags (id bigint PRIMARY KEY);\nCREATE MATERIALIZED VIEW tag_ids AS SELECT id FROM tags;\nREFRESH MATERIALIZED VIEW tag_ids;\nREINDEX TABLE tags;\n',
    ]) {
      const { mine: findings, all } = await migrate(sql);
      expect(findings, sql).toEqual([]);
      expect(
        all.filter((d) => d.rule === 'statement-failed'),
        sql,
      ).toEqual([]);
    }
  });
});
