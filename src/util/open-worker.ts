import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the module `name` beside the caller (`import.meta.url` of the module that
 * starts it: in the CLI bundle, the worker's own entry sits beside the chunks). Run from sources
 * (tests, tsx) the worker is TypeScript too: it registers tsx before importing it, as a worker does
 * not inherit the loader hooks of the thread that starts it.
 */
export function openWorker(callerUrl: string, name: string, workerData: unknown): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), { workerData });
  const source = new URL(`./${name}.ts`, callerUrl).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
