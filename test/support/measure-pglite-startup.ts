// How long opening the embedded engine takes, cold, one fresh process per run (as for one CLI invocation):
//   node --import tsx test/support/measure-pglite-startup.ts [runs]
// baseline: plain PGlite.create(); initdb: openPglite without the snapshot; snapshot: openPglite as shipped.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const VARIANTS = ['baseline', 'initdb', 'snapshot'] as const;
type Variant = (typeof VARIANTS)[number];

async function open(variant: Variant): Promise<{ close(): Promise<void> }> {
  if (variant === 'baseline') {
    const { PGlite } = await import('@electric-sql/pglite');
    return PGlite.create();
  }
  const { openPglite } = await import('../../src/engine/pglite.js');
  return openPglite({ snapshot: variant === 'snapshot' });
}

async function measure(variant: Variant): Promise<void> {
  const started = performance.now();
  const engine = await open(variant);
  const readyMs = Math.round(performance.now() - started);
  await engine.close();
  const { user, system } = process.cpuUsage();
  console.log(JSON.stringify({ variant, readyMs, processCpuMs: Math.round((user + system) / 1000) }));
}

const arg = process.argv[2];
if (VARIANTS.includes(arg as Variant)) {
  await measure(arg as Variant);
} else {
  const self = fileURLToPath(import.meta.url);
  for (let run = 0; run < Number(arg ?? 3); run++) {
    for (const variant of VARIANTS) {
      const out = spawnSync(process.execPath, ['--import', 'tsx', self, variant], { encoding: 'utf8' });
      process.stdout.write(out.stdout || out.stderr);
    }
  }
}
