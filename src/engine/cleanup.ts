/** Work that must happen even when the user presses Ctrl-C, e.g. dropping a scratch database. */
export type CleanupTask = () => Promise<void>;

/** Longest a signal waits for cleanup before the process exits anyway. */
export const CLEANUP_GRACE_MS = 10_000;

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof EXIT_CODES;

const tasks = new Set<CleanupTask>();
const handlers = new Map<HandledSignal, () => void>();

async function cleanUpAndExit(signal: HandledSignal): Promise<void> {
  // A second Ctrl-C while cleaning up means "now".
  for (const [sig, handler] of handlers) process.removeListener(sig, handler);
  process.once(signal, () => process.exit(EXIT_CODES[signal]));
  const grace = new Promise((resolve) => setTimeout(resolve, CLEANUP_GRACE_MS).unref());
  await Promise.race([Promise.allSettled([...tasks].map((task) => task())), grace]);
  process.exit(EXIT_CODES[signal]);
}

function installHandlers(): void {
  for (const signal of Object.keys(EXIT_CODES) as HandledSignal[]) {
    const handler = (): void => void cleanUpAndExit(signal);
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
}

function removeHandlers(): void {
  for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  handlers.clear();
}

/**
 * Runs task if the process is interrupted (SIGINT/SIGTERM) before the returned unregister is called.
 * Handlers exist only while tasks do, so the default signal behaviour is untouched otherwise.
 */
export function registerCleanup(task: CleanupTask): () => void {
  tasks.add(task);
  if (handlers.size === 0) installHandlers();
  return () => {
    tasks.delete(task);
    if (tasks.size === 0) removeHandlers();
  };
}
