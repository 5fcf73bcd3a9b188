import type { Worker } from 'node:worker_threads';
import { STATEMENT_FAILED } from '../diagnostics/builtin.js';
import { stampFinding } from '../rules/stamp-finding.js';
import { openWorker } from '../util/open-worker.js';
import { stepStart } from './step-start.js';
import type { VerifyInput, VerifyResult } from './verify-migrations.js';

/** Longest one migration's round trip may take on the embedded engine, by default. */
export const DEFAULT_MIGRATION_TIMEOUT_MS = 120_000;

type WorkerMessage =
  | { readonly kind: 'migration'; readonly index: number }
  | { readonly kind: 'findings'; readonly found: VerifyResult }
  | { readonly kind: 'done'; readonly result: VerifyResult };

/** What the migrations before the one that hung found, and the hang itself. */
function hung(
  input: VerifyInput,
  index: number,
  timeoutMs: number,
  before: readonly VerifyResult[],
): VerifyResult {
  const earlier = {
    diagnostics: before.flatMap((found) => found.diagnostics),
    sources: new Map(before.flatMap((found) => [...found.sources])),
  };
  const migration = input.migrations[index];
  if (!migration) return earlier;
  const seconds = Math.round(timeoutMs / 100) / 10;
  const diagnostic = stampFinding(
    STATEMENT_FAILED,
    undefined,
    {
      message: `migration ${migration.version} (${migration.name}) did not finish within ${seconds} s: pgvigil stopped it and stopped verifying here`,
      why: 'A statement that never ends (a loop in a function, a sleep, a huge backfill) would hang the deploy too. The embedded engine does not enforce statement_timeout, so pgvigil watches the clock and discarded the embedded database.',
      help: 'Find the statement of this migration (or its down step) that does not end; give --timeout a larger value if it is only slow.',
    },
    stepStart(migration.up),
  );
  return {
    diagnostics: [...earlier.diagnostics, diagnostic],
    sources: new Map([
      ...earlier.sources,
      [migration.up.file, earlier.sources.get(migration.up.file) ?? migration.up.sql],
    ]),
  };
}

/**
 * Verifies on the embedded engine in a worker thread. PGlite runs a statement synchronously in the
 * thread that calls it and does not enforce statement_timeout, so only another thread can stop a
 * migration that hangs: when one migration's round trip takes longer than `timeoutMs`, the worker
 * (and the embedded database in it) is terminated; the result is what the migrations before it
 * found, then the hang.
 */
export function verifyInWorker(
  input: VerifyInput,
  timeoutMs = DEFAULT_MIGRATION_TIMEOUT_MS,
): Promise<VerifyResult> {
  const worker: Worker = openWorker(import.meta.url, 'verify-worker', { input });
  return new Promise<VerifyResult>((resolve, reject) => {
    let current = -1;
    const gathered: VerifyResult[] = [];
    let timer: NodeJS.Timeout | undefined;
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      worker.removeAllListeners();
      settle();
    };
    const watch = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        finish(() => resolve(hung(input, Math.max(current, 0), timeoutMs, gathered)));
      }, timeoutMs);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'done') finish(() => resolve(message.result));
      else if (message.kind === 'findings') gathered.push(message.found);
      else {
        current = message.index;
        watch();
      }
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`verify worker exited with code ${code}`))));
  });
}
