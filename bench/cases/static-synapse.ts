import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cliCase } from './cli-case.js';
import { corpusDir } from './parse-synapse.js';

const deltas = (root: string): string => join(corpusDir(root), 'migrations', 'synapse-deltas');

/** Every delta file PostgreSQL runs (.sql and .sql.postgres), as paths: what squawk is given. */
export function synapseFiles(root: string): string[] {
  const dir = deltas(root);
  return readdirSync(dir)
    .filter((name) => /\.sql(\.postgres)?$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Static lint of all Synapse deltas beside squawk on the same files, in the same run (target: within 2× squawk). */
export const staticSynapse = cliCase({
  name: 'static-synapse',
  what: '`pgvigil lint --static` of all 330 Synapse deltas (the folder; squawk gets the same files), fresh process, wall',
  args: (root) => ['lint', '--static', deltas(root), '--format', 'json'],
  targetMs: { timesPeer: 2 },
  needs: deltas,
  peer: {
    name: 'squawk',
    command: (root) => join(root, 'node_modules', '.bin', 'squawk'),
    args: (root) => ['--reporter', 'json', ...synapseFiles(root)],
    okExitCodes: [0, 1],
  },
});

/**
 * The same lint beside libpg-query alone (node, the parser's WASM, parseSync of every file): what
 * any linter built on the real Postgres parser pays before its first rule. No target: it tells how
 * much of static-synapse is the parser's and how much pgvigil's own.
 */
export const staticSynapseParserFloor = cliCase({
  name: 'static-synapse-parser-floor',
  what: '`pgvigil lint --static` of the Synapse deltas beside libpg-query alone on the same files (load + parseSync, nothing else), fresh processes',
  args: (root) => ['lint', '--static', deltas(root), '--format', 'json'],
  needs: deltas,
  peer: {
    name: 'libpg-query alone',
    command: () => process.execPath,
    args: (root) => [join(root, 'bench', 'probes', 'parse-only.cjs'), ...synapseFiles(root)],
    okExitCodes: [0],
  },
});

/** One ordinary delta (five statements, 1 kB): what a pre-commit hook or an editor asks of static mode. */
const ONE_DELTA = '58__05cache_instance.sql.postgres';

/**
 * Static lint of one file beside squawk on it: the editor and pre-commit case, where start-up is
 * nearly all of the time. No target: the target is the 330-file row; this shows the fixed cost.
 */
export const staticOneFile = cliCase({
  name: 'static-one-file',
  what: `\`pgvigil lint --static\` of one Synapse delta (${ONE_DELTA}, 5 statements) beside squawk on it, fresh process, wall`,
  args: (root) => ['lint', '--static', join(deltas(root), ONE_DELTA), '--format', 'json'],
  needs: (root) => join(deltas(root), ONE_DELTA),
  peer: {
    name: 'squawk',
    command: (root) => join(root, 'node_modules', '.bin', 'squawk'),
    args: (root) => ['--reporter', 'json', join(deltas(root), ONE_DELTA)],
    okExitCodes: [0, 1],
  },
});
