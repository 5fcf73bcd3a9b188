import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BenchCase, pgvigil, rowsOf, skipped } from '../case.js';
import { measureCommand } from '../measure.js';
import { probeFigures, probeNumber, probeReport } from '../probe-output.js';

/** The shared corpus sits beside the repository (…/shared next to …/<repo>), in CI as here. */
export function corpusDir(root: string): string {
  return resolve(root, '..', 'shared', 'corpus');
}

export const parseSynapse: BenchCase = {
  name: 'parse-synapse',
  async run({ root, runs }) {
    const dir = join(corpusDir(root), 'migrations', 'synapse-deltas');
    if (!existsSync(dir)) return skipped(`corpus not found at ${dir}`);
    const spec = {
      command: process.execPath,
      args: [join(root, 'bench/probes/parse-corpus.mjs'), dir],
      cwd: root,
    };
    const measured = await measureCommand(spec, runs);
    const figures = probeFigures(measured.samples, 'parseMs');
    const first = measured.samples[0];
    const files = first ? probeNumber(first, 'files') : 0;
    const report = first ? probeReport(first) : {};
    const filesPerSecond = Math.round(files / (figures.median / 1000));
    return rowsOf([
      {
        name: 'parse-synapse',
        what: `splitStatements over ${files} Synapse deltas in one process (initSql and file reads not counted)`,
        pgvigil: pgvigil(figures, measured.peakRssMb),
        note: `${filesPerSecond} files/s; ${report.statements} statements, ${report.diagnostics} diagnostics`,
      },
    ]);
  },
};
