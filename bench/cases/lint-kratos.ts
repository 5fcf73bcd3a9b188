import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchCase, pgvigil, rowsOf, skipped } from '../case.js';
import { measureCommand } from '../measure.js';
import { corpusDir } from './parse-synapse.js';

/** Semantic lint: every Kratos up migration applied in order, each statement observed and judged. */
export const lintKratos: BenchCase = {
  name: 'lint-kratos',
  async run({ root, runs }) {
    const dir = join(corpusDir(root), 'migrations', 'kratos');
    if (!existsSync(dir)) return skipped(`corpus not found at ${dir}`);
    const spec = {
      command: process.execPath,
      args: [join(root, 'dist/cli/main.js'), 'lint', dir, '--format', 'json'],
      cwd: root,
      // 1 means findings, which real migrations have.
      okExitCodes: [0, 1],
    };
    const measured = await measureCommand(spec, runs);
    return rowsOf([
      {
        name: 'lint-kratos',
        what: '`pgvigil lint` of all 346 Kratos versions (pop layout), semantic mode, fresh process, wall',
        pgvigil: pgvigil(measured.wall, measured.peakRssMb),
        targetMs: 15000,
      },
    ]);
  },
};
