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
