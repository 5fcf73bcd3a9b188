import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { analyzeEventSources } from '../../src/nplusone/analyze-logs.js';
import { logSource } from '../../src/nplusone/log-source.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { LogFormatError } from '../../src/sources/logs/read-log.js';
import { initSql } from '../../src/sql/parser.js';
import { cli } from '../support/run-cli.js';

const PREFIX = '%m [%p] ';
const settings = resolveRuleSettings(
  { rules: {} } as Parameters<typeof resolveRuleSettings>[0],
  allRuleMetas,
);

/** A well-formed stderr log with one N+1 in session 7 (3 ms apart): the part bad input must not take away. */
function goodLog(): string {
  const head = (i: number, pid = 7) =>
    `2026-01-05 09:00:01.${String(100 + 3 * i).padStart(3, '0')} UTC [${pid}] `;
  const lines = [
    `${head(0)}LOG:  duration: 0.2 ms  statement: SELECT id, title\n\tFROM posts WHERE author_id = 3`,
  ];
  for (let i = 1; i <= 6; i++)
    lines.push(
      `${head(i)}LOG:  duration: 0.1 ms  execute <unnamed>: SELECT body FROM comments WHERE post_id = $1`,
      `${head(i)}DETAIL:  parameters: $1 = '${i}'`,
      `${head(i, 8)}LOG:  duration: 0.1 ms  statement: SELECT now()`,
    );
  return `${lines.join('\n')}\n`;
}

// Ways a log arrives broken: each takes the bytes and returns others.
const MUTATIONS = {
  randomBytes: fc
    .uint8Array({ minLength: 1, maxLength: 300 })
    .map((junk) => (b: Buffer) => insertAt(b, junk, 0.5)),
  invalidUtf8: fc
    .constantFrom([0xff, 0xfe], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80])
    .map((bad) => (b: Buffer) => insertAt(b, Uint8Array.from(bad), 0.3)),
  truncated: fc
    .double({ min: 0, max: 1, noNaN: true })
    .map((at) => (b: Buffer) => b.subarray(0, Math.floor(b.length * at))),
  crlf: fc.constant((b: Buffer) => Buffer.from(b.toString('latin1').replaceAll('\n', '\r\n'), 'latin1')),
  bom: fc.constant((b: Buffer) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])),
  hugeLine: fc
    .integer({ min: 10_000, max: 300_000 })
    .map((n) => (b: Buffer) => insertAt(b, Buffer.from(`\n${'x'.repeat(n)}\n`), 0.6)),
  otherFormats: fc
    .constantFrom(
      '2026-01-05 09:00:00.000 UTC,"app","blog",9,"[local]",1.2,1,"SELECT",,,,LOG,00000,"statement: SELECT 1",,,,,,,,""',
      '{"timestamp":"2026-01-05","pid":9,"error_severity":"LOG","message":"statement: SELECT 1"}',
      '2026-01-05 09:00:00 UTC [9]: [1-1] user=app,db=blog LOG:  statement: SELECT 1',
      'LOG:  statement: SELECT 1',
      '\tSELECT orphan continuation',
      "2026-01-05 09:00:00.000 UTC [9] DETAIL:  parameters: $1 = 'unclosed",
      '2026-01-05 09:00:00.000 UTC [9] LOG:  duration: abc ms  statement: SELECT (',
    )
    .map((line) => (b: Buffer) => insertAt(b, Buffer.from(`\n${line}\n`), 0.8)),
};

function insertAt(bytes: Buffer, extra: Uint8Array, fraction: number): Buffer {
  const at = Math.floor(bytes.length * fraction);
  return Buffer.concat([bytes.subarray(0, at), extra, bytes.subarray(at)]);
}

let dir: string;
let count = 0;
beforeAll(async () => {
  await initSql();
  dir = await mkdtemp(join(tmpdir(), 'pgvigil-log-fuzz-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function analyze(bytes: Buffer, prefix?: string): Promise<{ file: string; found: Diagnostic[] }> {
  const file = join(dir, `log-${count++}.log`);
  await writeFile(file, bytes);
  const found = await analyzeEventSources(
    [logSource(file, prefix === undefined ? {} : { prefix })],
    settings,
  );
  return { file, found };
}

/** Problems with the input are diagnostics that name the file and a line in it. */
function expectPlaced(found: readonly Diagnostic[], file: string, lines: number): void {
  for (const d of found.filter((x) => x.rule === 'unsupported-input')) {
    expect(d.file).toBe(file);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines + 1);
  }
}

describe('the log parser under bad input', () => {
  it('never throws on a mutated log; what it cannot read is a diagnostic at a line of the file', async () => {
    const mutation = fc.oneof(...Object.values(MUTATIONS));
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (steps, gzip) => {
          let bytes: Buffer = Buffer.from(goodLog());
          for (const step of steps) bytes = step(bytes);
          const lines = bytes.toString('latin1').split('\n').length;
          const { file, found } = await analyze(gzip ? gzipSync(bytes) : bytes, PREFIX);
          expectPlaced(found, file, lines);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('random bytes with the prefix detected: a one-line format error or a result, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (junk) => {
        const outcome: Awaited<ReturnType<typeof analyze>> | Error = await analyze(Buffer.from(junk)).catch(
          (error: Error) => error,
        );
        if (outcome instanceof Error) {
          expect(outcome).toBeInstanceOf(LogFormatError);
          expect(outcome.message).toContain('--log-prefix');
          expect(outcome.message).not.toContain('\n');
        } else expectPlaced(outcome.found, outcome.file, junk.length + 1);
      }),
      { numRuns: 150 },
    );
  });

  it('garbage in the middle is counted from its first line; the N+1 around it is still found', async () => {
    const good = goodLog();
    const cut = good.indexOf('\n', good.length / 2) + 1;
    const garbage = 'garbage one\n\u0000\u0001binary\n';
    const { found } = await analyze(Buffer.from(good.slice(0, cut) + garbage + good.slice(cut)), PREFIX);
    const skipped = found.find((d) => d.rule === 'unsupported-input');
    expect(skipped?.line).toBe(good.slice(0, cut).split('\n').length);
    expect(skipped?.data?.count).toBe(2);
    expect(found.some((d) => d.rule === 'n-plus-one')).toBe(true);
  });

  it('a BOM, CRLF line ends and a line longer than the line cap read like the plain log', async () => {
    const plain = (await analyze(Buffer.from(goodLog()), PREFIX)).found.map((d) => d.message);
    const dressed = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(goodLog().replaceAll('\n', '\r\n')),
    ]);
    expect((await analyze(dressed, PREFIX)).found.map((d) => d.message)).toEqual(plain);
    const huge = Buffer.concat([
      Buffer.from(goodLog()),
      Buffer.alloc(17 * 1024 * 1024, 'y'),
      Buffer.from('\n'),
    ]);
    const { found } = await analyze(huge, PREFIX);
    expect(found.filter((d) => d.rule === 'n-plus-one').map((d) => d.message)).toEqual(
      plain.filter((m) => m.includes('different parameters')),
    );
    expect(found.find((d) => d.rule === 'unsupported-input')?.line).toBe(goodLog().split('\n').length);
  });

  it('a gzip cut short: what came before the cut is analyzed, and the break is reported at its line', async () => {
    const zipped = gzipSync(Buffer.from(goodLog().repeat(40)));
    const { file, found } = await analyze(zipped.subarray(0, Math.floor(zipped.length * 0.9)), PREFIX);
    const broken = found.find((d) => d.message.includes('could not be read to its end'));
    expect(broken?.file).toBe(file);
    expect(broken?.line).toBeGreaterThan(1);
    expect(found.some((d) => d.rule === 'n-plus-one')).toBe(true);
  });

  it('the CLI on a file of random bytes: exit code 2 and one line, no stack trace', async () => {
    const file = join(dir, 'random.log');
    await writeFile(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const { code, stderr } = await cli('n1', file);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(file);
    expect(stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});
