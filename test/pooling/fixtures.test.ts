import { describe, expect, it } from 'vitest';
import { runPooling } from '../../src/pooling/run-pooling.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

function byRule(diagnostics: readonly { rule: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) counts[d.rule] = (counts[d.rule] ?? 0) + 1;
  return counts;
}

describe('pgvigil pooling without a database', () => {
  it('finds each session feature of a SQL file once, at its line, and none of the safe spellings', async () => {
    const report = await runPooling({ sql: [`${FIXTURES}sql/session.sql`] });
    const found = report.diagnostics.map((d) => [d.rule, d.line]);
    expect(found).toEqual([
      ['ban-session-set', 2],
      ['ban-session-advisory-lock', 4],
      ['ban-listen', 5],
      ['ban-sql-prepare', 7],
      ['ban-sql-prepare', 8],
      ['require-temp-table-on-commit-drop', 9],
      ['ban-cursor-with-hold', 11],
      ['ban-load', 13],
      ['ban-session-set', 14],
    ]);
    // Column of set_config after a non-ASCII literal counts UTF-16 units.
    expect(report.diagnostics.at(-1)?.column).toBe("SELECT 'café', ".length + 1);
    expect(report.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('finds session features in a log once per statement, with executions and sessions', async () => {
    const report = await runPooling({ logs: [`${FIXTURES}session.log`] });
    const set = report.diagnostics.find((d) => d.rule === 'ban-session-set');
    expect(byRule(report.diagnostics)).toEqual({ 'ban-session-set': 1, 'ban-listen': 1 });
    expect(set).toMatchObject({
      line: 1,
      data: { executions: 2, sessions: 2, lines: [1, 3], source: 'log' },
    });
  });

  it('reads the app: SQL in query calls, named statements, postgres.js and Prisma behind Supavisor, pool sizes', async () => {
    const report = await runPooling({ app: `${FIXTURES}app`, instances: 4 });
    const at = report.diagnostics.map((d) => `${d.rule} ${d.file?.replace(FIXTURES, '')}:${d.line}`);
    expect(at).toContain('ban-session-set app/src/db.js:9');
    expect(at).toContain('ban-named-prepared-statement app/src/db.js:14');
    expect(at).toContain('ban-session-advisory-lock app/src/db.js:18');
    expect(at).toContain('require-postgres-js-prepare-false app/src/db.js:6');
    expect(at).toContain('require-prisma-pgbouncer-flag app/prisma/schema.prisma:7');
    // set_config(..., true), an unnamed { text }, pg_advisory_xact_lock and text in comments or console.log: nothing.
    expect(at.filter((line) => line.includes('safe.js'))).toEqual([]);
    expect(at.filter((line) => /ban-listen|db\.js:1[01]\b|db\.js:19/.test(line))).toEqual([]);
    expect(report.detection).toMatchObject({ kind: 'Supavisor', mode: 'transaction', confidence: 'likely' });
    expect(report.pools.map((p) => [p.library, p.size, p.sizeFrom])).toEqual([
      ['Prisma', 3, 'set'],
      ['node-postgres', 20, 'set'],
      ['postgres.js', 5, 'set'],
      ['node-postgres', 10, 'library default'],
    ]);
    expect(JSON.stringify(report.diagnostics)).not.toContain('app-secret');
  });

  it('recommends cores × 2 when the server cores are given, and says the cores are unknown otherwise', async () => {
    const given = await runPooling({ app: `${FIXTURES}app`, serverCores: 4 });
    const recommendation = given.diagnostics.find((d) => d.rule === 'pool-size-recommendation');
    expect(recommendation?.data).toMatchObject({ recommended: 8, coreRule: 8, perInstance: 38 });
    const unknown = await runPooling({ app: `${FIXTURES}app` });
    expect(unknown.diagnostics.some((d) => d.rule === 'pool-size-recommendation')).toBe(false);
  });

  it('refuses to run on nothing, and names a missing path', async () => {
    await expect(runPooling({})).rejects.toThrow(
      'pooling needs something to look at: --db <url>, --app <dir>, or log files, SQL files or folders as arguments',
    );
    await expect(runPooling({ logs: ['/nonexistent.log'] })).rejects.toThrow('not found: /nonexistent.log');
  });

  it('refuses an --app that is neither a folder nor a code file, instead of finding "0 files" in it', async () => {
    await expect(runPooling({ app: 'examples/blog/schema.sql' })).rejects.toThrow(
      "examples/blog/schema.sql is neither a folder, a JavaScript/TypeScript file nor a .prisma schema; --app takes the application's folder.",
    );
  });
});
