import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { ruleLines as allRuleLines, bothModes } from './support/both-modes.js';

/** The harness turns the opt-in require-lock-timeout on; these cases are about what PostgreSQL does. */
const ruleLines = (diagnostics: readonly Diagnostic[]) =>
  allRuleLines(diagnostics).filter((line) => !line.startsWith('require-lock-timeout@'));

const SCHEMA = `CREATE TABLE kinds (id integer PRIMARY KEY);
CREATE TABLE events (id bigint NOT NULL, kind integer NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
`;

const NOT_VALID_FK =
  'ALTER TABLE events ADD CONSTRAINT events_kind_fk FOREIGN KEY (kind) REFERENCES kinds (id) NOT VALID;\n';

/** Both modes on one migration (golang-migrate layout: a lone statement runs in no transaction of the tool's). */
describe('partitioned tables, as PostgreSQL 15 was measured to treat them (bench/accuracy)', () => {
  const lint = bothModes();
  const run = (sql: string, pgVersion?: number) =>
    lint({ 'schema.sql': SCHEMA, 'migrations/000001_change.up.sql': sql }, pgVersion);

  it('CREATE INDEX ON ONLY the parent reads no partition: neither mode reports it; without ONLY both do', async () => {
    const only = await run('CREATE INDEX events_kind_idx ON ONLY events (kind);\n');
    expect(ruleLines(only.semantic)).toEqual([]);
    expect(ruleLines(only.static)).toEqual([]);
    const all = await run('CREATE INDEX events_kind_idx ON events (kind);\n');
    expect(ruleLines(all.semantic)).toEqual(['require-concurrent-index@000001_change.up.sql:1']);
    expect(ruleLines(all.static)).toEqual(ruleLines(all.semantic));
    // The partitions it read belong to that finding: no fallback finding repeats them.
    expect(all.semantic.map((d) => d.rule)).not.toContain('observed-table-scan');
  });

  it('CREATE INDEX CONCURRENTLY on the parent: PostgreSQL refuses it, and static mode predicts the refusal', async () => {
    const found = await run('CREATE INDEX CONCURRENTLY events_kind_idx ON events (kind);\n');
    expect(ruleLines(found.semantic)).toEqual(['statement-failed@000001_change.up.sql:1']);
    expect(ruleLines(found.static)).toEqual(ruleLines(found.semantic));
    expect(found.static[0]?.message).toContain(
      'cannot create index on partitioned table "events" concurrently',
    );
  });

  it('ADD FOREIGN KEY ... NOT VALID on the parent: refused when judged for PostgreSQL 15, accepted for 18', async () => {
    const as15 = await run(NOT_VALID_FK, 150000);
    expect(ruleLines(as15.semantic)).toEqual(['statement-failed@000001_change.up.sql:1']);
    expect(ruleLines(as15.static)).toEqual(ruleLines(as15.semantic));
    for (const found of [as15.semantic, as15.static])
      expect(found[0]?.message).toContain('cannot add NOT VALID foreign key on partitioned table "events"');
    const as18 = await run(NOT_VALID_FK, 180000);
    expect(ruleLines(as18.semantic)).toEqual([]);
    expect(ruleLines(as18.static)).toEqual([]);
  });

  it('the same NOT VALID foreign key on a plain table is accepted when judged for PostgreSQL 15', async () => {
    const found = await run(
      'ALTER TABLE events_2024 ADD CONSTRAINT events_2024_kind_fk FOREIGN KEY (kind) REFERENCES kinds (id) NOT VALID;\n',
      150000,
    );
    expect(ruleLines(found.semantic)).toEqual([]);
    expect(ruleLines(found.static)).toEqual([]);
  });
});
