import type { TestProject } from 'vitest/node';
import { startCluster } from './pg-cluster.js';
import { ensurePgliteSnapshot } from './pglite-snapshot-setup.js';

declare module 'vitest' {
  interface ProvidedContext {
    /** Superuser URL of the throwaway test cluster; '' only when PGVIGIL_TEST_NO_SERVER=1 and it could not start. */
    serverUrl: string;
  }
}

/** Starts one throwaway PostgreSQL cluster for the whole run; the returned teardown always removes it. */
export default async function setup(project: TestProject): Promise<() => void> {
  await ensurePgliteSnapshot();
  try {
    const cluster = await startCluster();
    // Teardown is skipped when the runner is killed; the exit hook still stops the server.
    const stop = (): void => cluster.stop();
    process.once('exit', stop);
    project.provide('serverUrl', cluster.url);
    return () => {
      process.removeListener('exit', stop);
      stop();
    };
  } catch (error) {
    const optedOut = process.env.PGVIGIL_TEST_NO_SERVER === '1' && process.env.CI !== 'true';
    if (!optedOut) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(
      `\n!!! PGVIGIL_TEST_NO_SERVER=1: running WITHOUT a PostgreSQL server; every server test case is left out.\n!!! ${reason}\n`,
    );
    project.provide('serverUrl', '');
    return () => {};
  }
}
