import { describe, expect, it } from 'vitest';
import { banRedundantIndex } from '../../../src/rules/schema/ban-redundant-index.js';
import { runSuggestedSql } from '../support/run-suggested-sql.js';
import { checkSchemaRule, describeSchemaRule } from '../support/schema-rule-harness.js';

const T = 'CREATE TABLE t (id bigint PRIMARY KEY, a text, b bigint, c timestamptz, d text);';

const valid: readonly { readonly name: string; readonly sql: string }[] = [
  { name: 'a shorter UNIQUE index', sql: `${T} CREATE UNIQUE INDEX s ON t (a); CREATE INDEX l ON t (a, b);` },
  {
    name: 'a shorter index backing a constraint',
    sql: `${T} ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a); CREATE INDEX l ON t (a, b);`,
  },
  {
    name: 'a partial index under a full one',
    sql: `${T} CREATE INDEX s ON t (a) WHERE c IS NULL; CREATE INDEX l ON t (a, b);`,
  },
  {
    name: 'BRIN indexes',
    sql: `${T} CREATE INDEX s ON t USING brin (c); CREATE INDEX l ON t USING brin (c, b);`,
  },
  {
    name: 'a hash index under a btree',
    sql: `${T} CREATE INDEX s ON t USING hash (a); CREATE INDEX l ON t (a, b);`,
  },
  {
    name: 'a two-column prefix in another mix of directions',
    sql: `${T} CREATE INDEX s ON t (a, b); CREATE INDEX l ON t (a, b DESC, c);`,
  },
  {
    name: 'NULLS FIRST on an ascending key (not a backward scan of the longer one)',
    sql: `${T} CREATE INDEX s ON t (a NULLS FIRST); CREATE INDEX l ON t (a, b);`,
  },
  {
    name: 'INCLUDE columns the longer index lacks',
    sql: `${T} CREATE INDEX s ON t (a) INCLUDE (d); CREATE INDEX l ON t (a, b);`,
  },
  {
    name: 'another opclass',
    sql: `${T} CREATE INDEX s ON t (a text_pattern_ops); CREATE INDEX l ON t (a, b);`,
  },
  { name: 'another collation', sql: `${T} CREATE INDEX s ON t (a COLLATE "C"); CREATE INDEX l ON t (a, b);` },
  { name: 'a column that is not leading', sql: `${T} CREATE INDEX s ON t (b); CREATE INDEX l ON t (a, b);` },
  {
    name: 'a unique index under a wider unique one',
    sql: `${T} CREATE UNIQUE INDEX s ON t (a); CREATE UNIQUE INDEX l ON t (a, b);`,
  },
];

const invalid: readonly {
  readonly name: string;
  readonly sql: string;
  readonly reported: readonly (readonly [string, string])[];
}[] = [
  {
    name: 'a column that leads the primary key (chinook playlist_track)',
    sql: `CREATE TABLE playlist_track (playlist_id int NOT NULL, track_id int NOT NULL, PRIMARY KEY (playlist_id, track_id));
      CREATE INDEX playlist_track_playlist_id_idx ON playlist_track (playlist_id);`,
    reported: [['public.playlist_track_playlist_id_idx', 'public.playlist_track_pkey']],
  },
  {
    name: 'a one-column prefix in the opposite direction',
    sql: `${T} CREATE INDEX s ON t (a); CREATE INDEX l ON t (a DESC, b DESC);`,
    reported: [['public.s', 'public.l']],
  },
  {
    name: 'a two-column prefix with every direction reversed',
    sql: `${T} CREATE INDEX s ON t (a, b DESC); CREATE INDEX l ON t (a DESC, b, c);`,
    reported: [['public.s', 'public.l']],
  },
  {
    name: 'the same key twice in opposite directions: the newer one',
    sql: `${T} CREATE INDEX older ON t (b); CREATE INDEX newer ON t (b DESC);`,
    reported: [['public.newer', 'public.older']],
  },
  {
    name: 'a plain index under a unique one of the same keys, created earlier',
    sql: `${T} CREATE INDEX plain ON t (a, b); CREATE UNIQUE INDEX uniq ON t (a, b);`,
    reported: [['public.plain', 'public.uniq']],
  },
  {
    name: 'INCLUDE columns the longer index has as keys',
    sql: `${T} CREATE INDEX s ON t (a) INCLUDE (b); CREATE INDEX l ON t (a, b);`,
    reported: [['public.s', 'public.l']],
  },
  {
    name: 'a chain: both shorter ones, each replaced by the widest',
    sql: `${T} CREATE INDEX one ON t (a); CREATE INDEX two ON t (a, b); CREATE INDEX three ON t (a, b, c);`,
    reported: [
      ['public.one', 'public.three'],
      ['public.two', 'public.three'],
    ],
  },
  {
    name: 'expression keys',
    sql: `${T} CREATE INDEX s ON t (lower(a)); CREATE INDEX l ON t (lower(a), id);`,
    reported: [['public.s', 'public.l']],
  },
  {
    name: 'the same partial predicate',
    sql: `${T} CREATE INDEX s ON t (a) WHERE c IS NULL; CREATE INDEX l ON t (a, b) WHERE c IS NULL;`,
    reported: [['public.s', 'public.l']],
  },
  {
    name: 'a partitioned table: once, at the parent',
    sql: `CREATE TABLE events (id bigint, at date, kind text) PARTITION BY RANGE (at);
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE INDEX s ON events (kind); CREATE INDEX l ON events (kind, at);`,
    reported: [['public.s', 'public.l']],
  },
];

describeSchemaRule('ban-redundant-index', (engine) => {
  for (const testCase of valid) {
    it(`accepts ${testCase.name}`, async () => {
      expect(await checkSchemaRule(engine, banRedundantIndex, testCase.sql)).toEqual([]);
    });
  }

  for (const testCase of invalid) {
    it(`reports ${testCase.name}, and the fixes remove the findings`, async () => {
      const findings = await checkSchemaRule(engine, banRedundantIndex, testCase.sql);
      expect(findings.map((f) => [f.data?.index, f.data?.redundantTo])).toEqual(testCase.reported);
      for (const finding of findings) await runSuggestedSql(engine, finding.suggestedSql);
      expect(await checkSchemaRule(engine, banRedundantIndex, 'SELECT 1')).toEqual([]);
    });
  }

  it('reports the kept copy of a duplicate pair under a wider index; ban-duplicate-index has the other', async () => {
    const sql = `${T} CREATE INDEX s1 ON t (a); CREATE INDEX s2 ON t (a); CREATE INDEX l ON t (a, b);`;
    const findings = await checkSchemaRule(engine, banRedundantIndex, sql);
    expect(findings.map((f) => [f.data?.index, f.data?.redundantTo])).toEqual([['public.s1', 'public.l']]);
  });

  it('does not count a longer index left invalid', async () => {
    await engine.exec(`${T} INSERT INTO t VALUES (1, 'x', 1), (2, 'x', 1); CREATE INDEX s ON t (a);`);
    await engine.exec('CREATE UNIQUE INDEX CONCURRENTLY l ON t (a, b)').catch(() => {});
    expect(await checkSchemaRule(engine, banRedundantIndex, 'SELECT 1')).toEqual([]);
  });

  it('says what the redundant index costs and drops it concurrently', async () => {
    const sql = `${T} CREATE INDEX t_a_idx ON t (a); CREATE INDEX t_a_b_idx ON t (a, b);`;
    const [finding] = await checkSchemaRule(engine, banRedundantIndex, sql);
    expect(finding?.message).toContain('public.t_a_idx (a)');
    expect(finding?.message).toContain('public.t_a_b_idx (a, b)');
    expect(finding?.why).toContain('INSERT');
    expect(finding?.why).toContain('shared_buffers');
    expect(finding?.suggestedSql).toBe('DROP INDEX CONCURRENTLY public.t_a_idx;');
  });
});

describe('ban-redundant-index meta', () => {
  it('is documented under its own id', async () => {
    const { readFile } = await import('node:fs/promises');
    const page = await readFile(
      new URL('../../../docs/rules/ban-redundant-index.md', import.meta.url),
      'utf8',
    );
    expect(page.startsWith(`# ${banRedundantIndex.meta.id}\n`)).toBe(true);
  });
});
