import { join } from 'node:path';
import { type BenchCase, type BenchContext, type BenchRow, pgvigil, rowsOf } from '../case.js';
import { measureCommand } from '../measure.js';
import { probeFigures } from '../probe-output.js';

/** Read by src/engine/pglite-snapshot.ts (SNAPSHOT_ENV); a missing file there means "run initdb". */
const SNAPSHOT_ENV = 'PGVIGIL_PGLITE_SNAPSHOT';

async function variant(ctx: BenchContext, snapshot: boolean): Promise<BenchRow[]> {
  const env = snapshot ? {} : { [SNAPSHOT_ENV]: join(ctx.root, 'bench', 'no-such-snapshot.gz') };
  const spec = {
    command: process.execPath,
    args: [join(ctx.root, 'bench/probes/engine-startup.mjs')],
    cwd: ctx.root,
    env,
  };
  const measured = await measureCommand(spec, ctx.runs);
  const suffix = snapshot ? '' : '-no-snapshot';
  const how = snapshot ? 'from the packaged snapshot' : 'without the snapshot (initdb)';
  return [
    {
      name: `engine-startup${suffix}`,
      what: `openPglite() ${how}, timed inside the process (with the CLI's V8 flags)`,
      pgvigil: pgvigil(probeFigures(measured.samples, 'openMs'), measured.peakRssMb),
      ...(snapshot ? { targetMs: 1500 } : {}),
    },
    {
      name: `engine-startup${suffix}-process`,
      what: `node process that opens and closes PGlite ${how}, wall`,
      pgvigil: pgvigil(measured.wall, measured.peakRssMb),
    },
  ];
}

export const engineStartup: BenchCase = {
  name: 'engine-startup',
  async run(ctx) {
    return rowsOf([...(await variant(ctx, true)), ...(await variant(ctx, false))]);
  },
};
