import { parentPort, workerData } from 'node:worker_threads';
import type { VerifyInput } from './verify-migrations.js';
import { verifyOnPglite } from './verify-on-pglite.js';

// The worker thread of verifyInWorker: the embedded engine runs here, so a migration that never
// ends blocks this thread only, and the main thread can stop it.
const input = (workerData as { input: VerifyInput }).input;
const result = await verifyOnPglite({
  ...input,
  onMigration: (index) => parentPort?.postMessage({ kind: 'migration', index }),
  onFindings: (found) => parentPort?.postMessage({ kind: 'findings', found }),
});
parentPort?.postMessage({ kind: 'done', result });
