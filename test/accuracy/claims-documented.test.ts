import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PGFENCE_CLAIMS,
  pgfenceClaim,
  pgvigilClaim,
  SQUAWK_CLAIMS,
  squawkClaim,
} from '../../bench/accuracy/hazard-rules.js';

const DOC = readFileSync(join(import.meta.dirname, '../../docs/accuracy.md'), 'utf8');

/** The `| tool | rule | claim | why |` rows of docs/accuracy.md for one tool, rule → claim. */
function documented(tool: string): Record<string, string> {
  const rows = [...DOC.matchAll(new RegExp(`^\\| ${tool} \\| \`([a-z0-9-]+)\` \\| (\\w+) \\| .+\\|$`, 'gm'))];
  return Object.fromEntries(rows.map((m) => [m[1], m[2]]));
}

describe('docs/accuracy.md gives every peer rule the claim hazard-rules.ts reads it as', () => {
  for (const [tool, claims, claimOf] of [
    ['squawk', SQUAWK_CLAIMS, squawkClaim],
    ['pgfence', PGFENCE_CLAIMS, pgfenceClaim],
  ] as const) {
    it(tool, () => {
      const doc = documented(tool);
      const counted = Object.fromEntries(Object.entries(doc).filter(([, claim]) => claim !== 'none'));
      expect(counted).toEqual(claims);
      for (const [rule, claim] of Object.entries(doc)) expect(claimOf(rule) ?? 'none', rule).toBe(claim);
    });
  }
});

describe('pgvigil findings read from rule metadata', () => {
  it.each([
    ['ban-table-rewrite', 'work'],
    ['require-concurrent-index', 'work'],
    ['ban-set-not-null-scan', 'work'],
    ['require-concurrent-drop-index', 'lock'],
    ['require-concurrent-detach-partition', 'lock'],
    ['ban-work-after-access-exclusive', 'lock'],
    ['ban-truncate', 'lock'],
    ['statement-failed', 'refusal'],
    ['ban-concurrent-in-transaction', 'refusal'],
    ['require-lock-timeout', undefined],
    ['ban-drop-column', undefined],
  ])('%s: %s', (rule, claim) => {
    expect(pgvigilClaim(rule)).toBe(claim);
  });
});
