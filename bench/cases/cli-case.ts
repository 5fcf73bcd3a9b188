import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchCase, type Measured, pgvigil, rowsOf, skipped } from '../case.js';
import { measureCommand } from '../measure.js';

export interface CliCaseSpec {
  readonly name: string;
  readonly what: string;
  /** Arguments after `pgvigil`; a function when they depend on the repository root. */
  readonly args: (root: string) => readonly string[];
  /** Upper bound on pgvigil's median: in ms, or as a multiple of the peer's median in the same run; none for a reference row. */
  readonly targetMs?: number | { readonly timesPeer: number };
  /** A path the case needs (the corpus); the case is skipped with a note when it is missing. */
  readonly needs?: (root: string) => string;
  /** A peer tool doing the same work, timed in the same run: the row gets its figures and the ratio. */
  readonly peer?: CliPeer;
}

export interface CliPeer {
  readonly name: string;
  /** The executable, e.g. node_modules/.bin/squawk. */
  readonly command: (root: string) => string;
  readonly args: (root: string) => readonly string[];
  /** Its exit codes that mean "did the work" (linters exit non-zero when they find something). */
  readonly okExitCodes: readonly number[];
}

async function measurePeer(peer: CliPeer, root: string, runs: number): Promise<Measured> {
  const spec = {
    command: peer.command(root),
    args: peer.args(root),
    cwd: root,
    okExitCodes: peer.okExitCodes,
  };
  const measured = await measureCommand(spec, runs);
  return {
    name: peer.name,
    figures: measured.wall,
    ...(measured.peakRssMb === undefined ? {} : { peakRssMb: measured.peakRssMb }),
  };
}

function targetOf(target: NonNullable<CliCaseSpec['targetMs']>, peer: Measured | undefined): number {
  return typeof target === 'number' ? target : target.timesPeer * (peer?.figures.median ?? Number.NaN);
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
      const peer = spec.peer && (await measurePeer(spec.peer, root, runs));
      return rowsOf([
        {
          name: spec.name,
          what: spec.what,
          pgvigil: pgvigil(measured.wall, measured.peakRssMb),
          ...(spec.targetMs !== undefined && { targetMs: targetOf(spec.targetMs, peer) }),
          ...(peer && { peer, ratio: measured.wall.median / peer.figures.median }),
        },
      ]);
    },
  };
}
