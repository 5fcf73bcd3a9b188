import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initSql } from '../../src/sql/parser.js';
import { splitStatements } from '../../src/sql/split.js';
import { CORPUS, corpusPath } from '../support/corpus.js';

const DELTAS = corpusPath('migrations/synapse-deltas');
const deltaFiles = readdirSync(DELTAS)
  .filter((name) => name.endsWith('.sql') || name.endsWith('.sql.postgres'))
  .map((name) => join(DELTAS, name));

beforeAll(initSql);

function split(path: string) {
  return splitStatements(readFileSync(path, 'utf8'), path);
}

describe('corpus', () => {
  it('splits every Synapse delta without throwing; the few non-Postgres ones get located syntax errors', () => {
    const failing = deltaFiles.filter((path) => {
      const { diagnostics } = split(path);
      for (const d of diagnostics) {
        expect(d).toMatchObject({ file: path, line: expect.any(Number), column: expect.any(Number) });
        expect(d.line).toBeGreaterThan(0);
        expect(d.column).toBeGreaterThan(0);
      }
      return diagnostics.some((d) => d.rule === 'syntax-error');
    });
    expect(deltaFiles.length).toBeGreaterThanOrEqual(330);
    // The corpus README: libpg-query parses 326 of the 330 .sql deltas.
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.length).toBeLessThanOrEqual(4);
  });

  it('splits chinook past its \\c meta-command, keeping every statement', () => {
    const path = join(CORPUS, 'schemas/chinook.sql');
    const { statements, diagnostics } = split(path);
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([['unsupported-input', 28]]);
    const kinds = new Set(statements.map((s) => s.kind));
    expect(kinds).toEqual(
      new Set(['DropdbStmt', 'CreatedbStmt', 'CreateStmt', 'InsertStmt', 'AlterTableStmt', 'IndexStmt']),
    );
    expect(statements[2]?.span.line).toBeGreaterThan(28);
  });

  it('splits the pagila and synapse schemas with no diagnostics', () => {
    for (const name of ['pagila-schema.sql', 'synapse-72.sql']) {
      const { statements, diagnostics } = split(join(CORPUS, 'schemas', name));
      expect(diagnostics).toEqual([]);
      expect(statements.filter((s) => s.kind === 'CreateStmt').length).toBeGreaterThan(10);
    }
  });
});
