import type { RuleSettings } from '../config/rule-settings.js';
import { openWorker } from '../util/open-worker.js';
import type { codeFindings } from './code-findings.js';

type CodeResult = Awaited<ReturnType<typeof codeFindings>>;
type WorkerMessage =
  | { readonly ok: true; readonly result: CodeResult }
  | { readonly ok: false; readonly message: string };

/**
 * codeFindings in a worker thread: loading the TypeScript compiler and building the project's
 * program is CPU work of its own (~0.5 s for examples/blog), which `check` runs beside the embedded
 * engine's start instead of after it.
 */
export function codeFindingsInWorker(
  files: readonly string[],
  settings: ReadonlyMap<string, RuleSettings>,
): Promise<CodeResult> {
  const worker = openWorker(import.meta.url, 'code-worker', { files, settings });
  return new Promise<CodeResult>((resolve, reject) => {
    const finish = (settle: () => void): void => {
      worker.removeAllListeners();
      void worker.terminate();
      settle();
    };
    worker.on('message', (message: WorkerMessage) =>
      finish(() => (message.ok ? resolve(message.result) : reject(new Error(message.message)))),
    );
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`code analysis worker exited with code ${code}`))),
    );
  });
}
