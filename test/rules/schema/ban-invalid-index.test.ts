import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { banInvalidIndex } from '../../../src/rules/schema/ban-invalid-index.js';
import { runSuggestedSql } from '../support/run-suggested-sql.js';
import { checkSchemaRule, describeSchemaRule } from '../support/schema-rule-harness.js';

const USERS = `CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
  INSERT INTO users VALUES (1, 'a@example.com'), (2, 'a@example.com'), (3, 'b@example.com');`;

/** As in production: a unique index that fails to build concurrently on duplicate rows is left INVALID. */
async function failConcurrentBuild(engine: Engine, sql: string): Promise<void> {
  await expect(engine.exec(sql)).rejects.toThrow(/could not create unique index/);
}

const EVENTS = `CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text) PARTITION BY RANGE (at);
  CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
  CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');`;

describeSchemaRule('ban-invalid-index', (engine) => {
  it('accepts valid indexes, partitioned ones included', async () => {
    const sql = `${USERS} CREATE INDEX ON users (email); ${EVENTS} CREATE INDEX ON events (kind);`;
    expect(await checkSchemaRule(engine, banInvalidIndex, sql)).toEqual([]);
  });

  it('reports a failed CREATE UNIQUE INDEX CONCURRENTLY, shows the duplicates, and its fix rebuilds it', async () => {
    await engine.exec(USERS);
    await failConcurrentBuild(engine, 'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email)');
    const findings = await checkSchemaRule(engine, banInvalidIndex, 'SELECT 1');
    expect(findings.map((f) => f.data?.index)).toEqual(['public.users_email_key']);
    const [finding] = findings;
    expect(finding?.message).toContain('is invalid');
    expect(finding?.why).toContain('uniqueness');
    expect(finding?.suggestedSql).toBe(
      [
        'DROP INDEX CONCURRENTLY public.users_email_key;',
        'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users USING btree (email);',
      ].join('\n'),
    );
    // The query in the help finds the row that broke the build.
    const query = /\((SELECT .*HAVING count\(\*\) > 1)\)/.exec(finding?.help ?? '')?.[1];
    expect(query).toBeDefined();
    const { rows } = await engine.query<{ email: string }>(query ?? '');
    expect(rows.map((row) => row.email)).toEqual(['a@example.com']);
    await engine.exec('DELETE FROM users WHERE id = 2');
    await runSuggestedSql(engine, finding?.suggestedSql);
    expect(await checkSchemaRule(engine, banInvalidIndex, 'SELECT 1')).toEqual([]);
  });

  it('says only to drop it when a valid index of the same definition exists', async () => {
    await engine.exec(USERS);
    await failConcurrentBuild(engine, 'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email)');
    await engine.exec(
      `DELETE FROM users WHERE id = 2; CREATE UNIQUE INDEX users_email_uniq ON users (email);`,
    );
    const [finding, ...rest] = await checkSchemaRule(engine, banInvalidIndex, 'SELECT 1');
    expect(rest).toEqual([]);
    expect(finding?.help).toContain('public.users_email_uniq');
    expect(finding?.suggestedSql).toBe('DROP INDEX CONCURRENTLY public.users_email_key;');
    await runSuggestedSql(engine, finding?.suggestedSql);
    expect(await checkSchemaRule(engine, banInvalidIndex, 'SELECT 1')).toEqual([]);
  });

  it('names the partitions an ON ONLY index waits for, and its recipe makes it valid', async () => {
    const sql = `${EVENTS} CREATE INDEX events_2025_kind_idx ON events_2025 (kind);
      CREATE INDEX events_kind_idx ON ONLY events (kind);`;
    const findings = await checkSchemaRule(engine, banInvalidIndex, sql);
    expect(findings.map((f) => [f.data?.index, f.data?.partitioned])).toEqual([
      ['public.events_kind_idx', true],
    ]);
    const [finding] = findings;
    expect(finding?.message).toContain('public.events_2025, public.events_2026 have no index attached');
    expect(finding?.suggestedSql).toBe(
      [
        // events_2025 already has a matching index: attach it, build nothing.
        'ALTER INDEX public.events_kind_idx ATTACH PARTITION public.events_2025_kind_idx;',
        'CREATE INDEX CONCURRENTLY events_2026_kind_idx ON public.events_2026 USING btree (kind);',
        'ALTER INDEX public.events_kind_idx ATTACH PARTITION public.events_2026_kind_idx;',
      ].join('\n'),
    );
    await runSuggestedSql(engine, finding?.suggestedSql);
    expect(await checkSchemaRule(engine, banInvalidIndex, 'SELECT 1')).toEqual([]);
  });

  it('builds a sub-partitioned partition index on ONLY that partition, then reports what it waits for', async () => {
    const sql = `CREATE TABLE events (at date NOT NULL, kind text) PARTITION BY RANGE (at);
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (kind);
      CREATE TABLE events_2025_a PARTITION OF events_2025 FOR VALUES IN ('a');
      CREATE UNIQUE INDEX events_key ON ONLY events (at, kind);`;
    const [finding] = await checkSchemaRule(engine, banInvalidIndex, sql);
    expect(finding?.why).toContain('uniqueness');
    await runSuggestedSql(engine, finding?.suggestedSql);
    const next = await checkSchemaRule(engine, banInvalidIndex, 'SELECT 1');
    expect(next.map((f) => f.data?.index)).toEqual(['public.events_2025_at_kind_idx', 'public.events_key']);
    expect(next[1]?.message).toContain('the attached public.events_2025_at_kind_idx is invalid');
    await runSuggestedSql(engine, next[0]?.suggestedSql);
    expect(await checkSchemaRule(engine, banInvalidIndex, 'SELECT 1')).toEqual([]);
  });
});

describe('ban-invalid-index meta', () => {
  it('is documented under its own id', async () => {
    const { readFile } = await import('node:fs/promises');
    const page = await readFile(new URL('../../../docs/rules/ban-invalid-index.md', import.meta.url), 'utf8');
    expect(page.startsWith(`# ${banInvalidIndex.meta.id}\n`)).toBe(true);
  });
});
