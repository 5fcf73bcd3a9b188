import { join } from 'node:path';
import { cliCase } from './cli-case.js';
import { corpusDir } from './parse-synapse.js';

const kratos = (root: string): string => join(corpusDir(root), 'migrations', 'kratos');

/** Semantic lint: every Kratos up migration applied in order, each statement observed and judged. */
export const lintKratos = cliCase({
  name: 'lint-kratos',
  what: '`pgvigil lint` of all 346 Kratos versions (pop layout), semantic mode, fresh process, wall',
  args: (root) => ['lint', kratos(root), '--format', 'json'],
  targetMs: 15000,
  needs: kratos,
});
