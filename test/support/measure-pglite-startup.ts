// Prints how long opening the embedded engine takes, with and without the packaged snapshot:
//   node --import tsx test/support/measure-pglite-startup.ts [runs]
// Each run is a fresh process (cold module load and WASM compile), as for one CLI invocation.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = async (snapshot: boolean): Promise<void> => {
  const started = performance.now();
  const { openPglite } = await import('../../src/engine/pglite.js');
  const imported = performance.now();
  const engine = await openPglite({ snapshot });
  await engine.query('SELECT 1');
  const ready = performance.now();
  await engine.close();
  const cpuMs = Math.round(process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000);
  console.log(
    JSON.stringify({
      snapshot,
      importMs: Math.round(imported - started),
      openMs: Math.round(ready - imported),
      cpuMs,
    }),
  );
};

const [mode, runs = '3'] = process.argv.slice(2);
if (mode === 'snapshot' || mode === 'initdb') {
  await child(mode === 'snapshot');
} else {
  const self = fileURLToPath(import.meta.url);
  for (let i = 0; i < Number(mode ?? runs); i++) {
    for (const variant of ['initdb', 'snapshot']) {
      const out = spawnSync(process.execPath, ['--import', 'tsx', self, variant], { encoding: 'utf8' });
      process.stdout.write(out.stdout || out.stderr);
    }
  }
}
