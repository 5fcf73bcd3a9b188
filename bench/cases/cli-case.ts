import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchCase, pgvigil, rowsOf, skipped } from '../case.js';
import { measureCommand } from '../measure.js';

export interface CliCaseSpec {
  readonly name: string;
  readonly what: string;
  /** Arguments after `pgvigil`; a function when they depend on the repository root. */
  readonly args: (root: string) => readonly string[];
  readonly targetMs: number;
  /** A path the case needs (the corpus); the case is skipped with a note when it is missing. */
  readonly needs?: (root: string) => string;
}

/** The whole CLI as a user meets it: a new node process per run (the OS file cache is warm). */
export function cliCase(spec: CliCaseSpec): BenchCase {
  return {
    name: spec.name,
    async run({ root, runs }) {
      const needed = spec.needs?.(root);
      if (needed !== undefined && !existsSync(needed)) return skipped(`not found: ${needed}`);
      const measured = await measureCommand(
        {
          command: process.execPath,
          args: [join(root, 'dist/cli/main.js'), ...spec.args(root)],
          cwd: root,
          // 1 means "found problems", which the benchmarked inputs are chosen to have.
          okExitCodes: [0, 1],
        },
        runs,
      );
      return rowsOf([
        {
          name: spec.name,
          what: spec.what,
          pgvigil: pgvigil(measured.wall, measured.peakRssMb),
          targetMs: spec.targetMs,
        },
      ]);
    },
  };
}
