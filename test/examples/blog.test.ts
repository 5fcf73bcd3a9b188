import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { knownRuleIds } from '../../src/rules/registry.js';
import { cli } from '../support/run-cli.js';

const ROOT = 'examples/blog';
const MARKER = /expect: ([a-z0-9-]+)/g;

interface Expectation {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
}

/** Every `expect: rule-id` comment in the example project; it points at its own line or the next one. */
async function expectations(): Promise<Expectation[]> {
  const entries = await readdir(ROOT, { recursive: true, withFileTypes: true });
  const found: Expectation[] = [];
  for (const entry of entries.filter((e) => e.isFile() && /\.(sql|ts)$/.test(e.name))) {
    const file = join(entry.parentPath, entry.name);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.forEach((text, index) => {
      for (const match of text.matchAll(MARKER)) found.push({ rule: match[1] ?? '', file, line: index + 1 });
    });
  }
  return found;
}

function matches(diagnostic: Diagnostic, expectation: Expectation): boolean {
  return (
    diagnostic.rule === expectation.rule &&
    diagnostic.file === expectation.file &&
    (diagnostic.line === expectation.line || diagnostic.line === expectation.line + 1)
  );
}

describe('pgvigil check examples/blog', () => {
  it('reports every marked problem whose rule exists, where it is marked, and nothing else', async () => {
    const { code, stdout, stderr } = await cli('check', ROOT, '--format', 'json');
    expect(stderr).toBe('');
    const diagnostics: Diagnostic[] = JSON.parse(stdout).diagnostics;
    const wanted = (await expectations()).filter((e) => knownRuleIds.has(e.rule));
    expect(wanted.length).toBeGreaterThan(0);
    for (const expectation of wanted) {
      expect(
        diagnostics.some((d) => matches(d, expectation)),
        JSON.stringify(expectation),
      ).toBe(true);
    }
    const unexpected = diagnostics.filter((d) => !wanted.some((e) => matches(d, e)));
    expect(unexpected).toEqual([]);
    expect(code).toBe(1);
  });

  it('marks at least one problem per promise the example is meant to show', async () => {
    const rules = new Set((await expectations()).map((e) => e.rule));
    expect([...rules].sort()).toEqual(
      [
        'n-plus-one',
        'prefer-identity',
        'require-concurrent-index',
        'require-fk-index',
        'seq-scan-large-table',
      ].sort(),
    );
  });
});
