import { expect, it } from 'vitest';
import { describeSchemaRule, resetPublicSchema } from '../rules/support/schema-rule-harness.js';
import { checkWithRule } from './support/rule-diagnostics.js';

const SCHEMA = 'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n';

/** Every finding as rule@line, with observed-strong-lock (opt-in) turned on. */
async function found(engine: Parameters<typeof checkWithRule>[0], migration: string): Promise<string[]> {
  await resetPublicSchema(engine);
  const diagnostics = await checkWithRule(engine, 'observed-strong-lock', {
    'schema.sql': SCHEMA,
    'migrations/000001_x.up.sql': migration,
  });
  return diagnostics.filter((d) => d.rule !== 'require-primary-key').map((d) => `${d.rule}@${d.line}`);
}

describeSchemaRule('observed-* safety-net rules', (engine) => {
  it('leaves a TRUNCATE of an existing table to ban-truncate: no fallback beside it', async () => {
    // TRUNCATE also takes SHARE and rebuilds the (empty) indexes: one finding for the table, not four.
    expect(await found(engine, 'TRUNCATE posts;\n')).toEqual(['ban-truncate@1']);
  });

  it('reports a materialized view copied by VACUUM FULL once, as the gravest thing seen (a new file)', async () => {
    await resetPublicSchema(engine);
    const diagnostics = await checkWithRule(engine, 'observed-strong-lock', {
      'schema.sql': `${SCHEMA}CREATE MATERIALIZED VIEW post_titles AS SELECT id, title FROM posts;\n`,
      'migrations/000001_x.up.sql': 'VACUUM FULL post_titles;\n',
    });
    const rules = diagnostics
      .filter((d) => d.rule !== 'require-primary-key')
      .map((d) => `${d.rule}@${d.line}`);
    expect(rules).toEqual(['observed-rewrite@1']);
  });

  it('reports a scan under a write-blocking lock, and the lock where it was taken', async () => {
    expect(await found(engine, 'LOCK TABLE posts IN SHARE MODE;\nSELECT count(*) FROM posts;\n')).toEqual([
      'observed-strong-lock@1',
      'observed-table-scan@2',
    ]);
  });

  it('says nothing where a rule already explained the table', async () => {
    expect(await found(engine, 'CREATE INDEX posts_title ON posts (title);\n')).toEqual([
      'require-concurrent-index@1',
    ]);
    expect(await found(engine, 'ALTER TABLE posts ALTER COLUMN id TYPE numeric;\n')).toEqual([
      'ban-table-rewrite@1',
    ]);
  });

  it('says nothing of tables the migration created, or of reads that block no writes', async () => {
    expect(await found(engine, 'CREATE TABLE drafts (id bigint PRIMARY KEY);\nTRUNCATE drafts;\n')).toEqual(
      [],
    );
    expect(await found(engine, 'SELECT count(*) FROM posts;\n')).toEqual([]);
  });
});
