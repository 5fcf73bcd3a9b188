import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../../src/runtime/index.ts', import.meta.url));

// A test file that imports pgvigil/runtime pays for the parser only once a watch is analysed.
it('loads libpg-query on the first analysis, not on import', () => {
  const script = `
    import { createRequire } from 'node:module';
    const parserLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('libpg-query'));
    const { watchQueries } = await import(${JSON.stringify(entry)});
    const onImport = parserLoaded();
    const watch = watchQueries({ query: async () => ({ rows: [] }) });
    watch.stop();
    await watch.findings();
    console.log(JSON.stringify({ onImport, onAnalysis: parserLoaded() }));`;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(JSON.parse(output)).toEqual({ onImport: false, onAnalysis: true });
});
