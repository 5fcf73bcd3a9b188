import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BenchCase, sectionOf, skipped } from '../case.js';
import { cliCase } from './cli-case.js';
import { corpusDir } from './parse-synapse.js';

const kratos = (root: string): string => join(corpusDir(root), 'migrations', 'kratos');
const args = (root: string): string[] => ['verify', kratos(root), '--format', 'json'];

/** Reversibility: every Kratos migration up, down and up again on the embedded engine. */
export const verifyKratos = cliCase({
  name: 'verify-kratos',
  what: '`pgvigil verify` of all 346 Kratos versions (pop layout): up, down, up again, catalogs compared, fresh process, wall',
  args,
  targetMs: 60000,
  needs: kratos,
});

export interface Found {
  readonly rule: string;
  readonly file?: string;
  readonly message: string;
  readonly data?: { readonly phase?: string; readonly change?: string; readonly object?: string };
}

/** The kind of a finding, for the count: what the down did wrong, to which kind of object. */
function kindOf(d: Found): string {
  if (d.rule === 'statement-failed') return 'a statement PostgreSQL refuses (up, down or up again)';
  if (d.rule !== 'reversibility' || !d.data?.object) return d.rule;
  const { phase, change, object } = d.data;
  if (phase === 'redo') return `up run again gives another schema (${object})`;
  const an = /^[aeiou]/.test(object) ? 'an' : 'a';
  if (change === 'added') return `down leaves ${an} ${object} behind`;
  if (change === 'removed') return `down does not bring back ${an} ${object}`;
  return `down leaves ${an} ${object} changed`;
}

/** One reversibility finding of each of the first kinds, each from another file. */
function examplesOf(found: readonly Found[], count: number): Found[] {
  const picked: Found[] = [];
  for (const d of found.filter((f) => f.rule === 'reversibility')) {
    if (picked.some((p) => kindOf(p) === kindOf(d) || p.file === d.file)) continue;
    picked.push(d);
    if (picked.length === count) break;
  }
  return picked;
}

/** The section's Markdown: findings counted by kind of difference, three examples of different kinds. */
export function summarize(found: readonly Found[], dir: string): string {
  const counts = new Map<string, number>();
  for (const d of found) counts.set(kindOf(d), (counts.get(kindOf(d)) ?? 0) + 1);
  const rows = [...counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `| ${kind} | ${n} |`);
  const examples = examplesOf(found, 3).map(
    (d) => `- \`${(d.file ?? '').replace(`${dir}/`, '')}\`: ${d.message}`,
  );
  const files = new Set(found.map((d) => d.file)).size;
  return [
    `\`pgvigil verify\` of the 346 Kratos migrations (pop layout; some downs are empty on purpose): ${found.length} findings in ${files} files.`,
    ['| kind of difference | findings |', '|---|---|', ...rows].join('\n'),
    `Examples:\n\n${examples.join('\n')}`,
  ].join('\n\n');
}

/** The summary of a run: findings counted by kind of difference, three examples. */
export const verifyKratosSummary: BenchCase = {
  name: 'verify-kratos-summary',
  async run({ root }) {
    if (!existsSync(kratos(root))) return skipped(`not found: ${kratos(root)}`);
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [join(root, 'dist/cli/main.js'), ...args(root)], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '{"diagnostics":[]}' }));
    return sectionOf(
      'Reversibility of the Kratos migrations',
      summarize(JSON.parse(stdout).diagnostics, kratos(root)),
    );
  },
};
