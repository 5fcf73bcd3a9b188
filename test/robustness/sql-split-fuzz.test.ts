import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initSql } from '../../src/sql/parser.js';
import { splitStatements } from '../../src/sql/split.js';
import { corpusPath } from '../support/corpus.js';

const DELTAS = corpusPath('migrations/synapse-deltas');
const samples = readdirSync(DELTAS)
  .filter((name) => name.endsWith('.sql'))
  .slice(0, 60)
  .map((name) => readFileSync(join(DELTAS, name), 'utf8'));

beforeAll(initSql);

/**
 * The splitter's promise: it never throws, keeps every statement it can, and every diagnostic
 * names the file and a real position in it.
 */
function splitsAndLocates(text: string): boolean {
  const { statements, diagnostics } = splitStatements(text, 'fuzz.sql');
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const d of diagnostics) {
    expect(d.file).toBe('fuzz.sql');
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines + 1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
  }
  for (const s of statements) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.span.line).toBeGreaterThanOrEqual(1);
  }
  return true;
}

const mutation = fc.record({
  kind: fc.constantFrom(
    'truncate',
    'insert',
    'delete',
    'duplicate',
    'crlf',
    'bom',
    'surrogate',
    'nul',
    'quote',
  ),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 200 }),
  text: fc.string({ unit: 'binary', maxLength: 20 }),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, { kind, at, length, text: extra }: Mutation): string {
  const i = Math.floor(at * text.length);
  switch (kind) {
    case 'truncate':
      return text.slice(0, i);
    case 'insert':
      return text.slice(0, i) + extra + text.slice(i);
    case 'delete':
      return text.slice(0, i) + text.slice(i + length);
    case 'duplicate':
      return text.slice(0, i + length) + text.slice(i, i + length) + text.slice(i + length);
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'bom':
      return `\uFEFF${text}`;
    case 'surrogate':
      return `${text.slice(0, i)}\uD800${text.slice(i)}`;
    case 'nul':
      return `${text.slice(0, i)}\u0000${text.slice(i)}`;
    default:
      return `${text.slice(0, i)}'${text.slice(i)}`;
  }
}

describe('splitStatements under bad input', () => {
  it('real migrations with random damage', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: samples.length - 1 }),
        fc.array(mutation, { maxLength: 5 }),
        (index, mutations) => splitsAndLocates(mutations.reduce(mutate, samples[index] ?? '')),
      ),
      { numRuns: 400 },
    );
  });

  it('random strings, and random bytes decoded as UTF-8 (invalid sequences included)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), splitsAndLocates), { numRuns: 500 });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) =>
        splitsAndLocates(new TextDecoder().decode(bytes)),
      ),
      { numRuns: 300 },
    );
  });

  it('nesting the parser cannot hold, a huge file and empty input', () => {
    const deep = `SELECT ${'('.repeat(20000)}1${')'.repeat(20000)};\nSELECT 2;\n`;
    const split = splitStatements(deep, 'deep.sql');
    expect(split.diagnostics.map((d) => [d.rule, d.line])).toEqual([['syntax-error', 1]]);
    expect(splitsAndLocates(deep)).toBe(true);
    const huge = Array.from({ length: 20000 }, (_, i) => `INSERT INTO t VALUES (${i}, 'x');`).join('\n');
    expect(splitStatements(huge, 'huge.sql').statements).toHaveLength(20000);
    for (const empty of ['', '\uFEFF', '\n\n', ';;;', '-- only a comment'])
      expect(splitStatements(empty, 'empty.sql')).toMatchObject({ statements: [], diagnostics: [] });
  });
});
