import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSettings } from '../config/rule-settings.js';
import { codeFindings } from './code-findings.js';

// The worker thread of codeFindingsInWorker: the TypeScript compiler loads and reads the project
// here, on another core, while the main thread starts the engine.
const { files, settings } = workerData as {
  files: readonly string[];
  settings: ReadonlyMap<string, RuleSettings>;
};
try {
  parentPort?.postMessage({ ok: true, result: await codeFindings(files, settings) });
} catch (error) {
  parentPort?.postMessage({
    ok: false,
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}
