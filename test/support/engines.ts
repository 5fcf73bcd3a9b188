import { randomBytes } from 'node:crypto';
import { describe, inject } from 'vitest';
import { urlForDatabase } from '../../src/engine/database-url.js';
import type { Engine } from '../../src/engine/engine.js';
import { openPglite } from '../../src/engine/pglite.js';
import { openServer } from '../../src/engine/server.js';

export interface EngineCase {
  readonly name: 'pglite' | 'server';
  /** A fresh, empty, writable database; close() disposes of it. */
  open(): Promise<Engine>;
}

/** Superuser URL of the run's test cluster, or undefined when the run opted out (PGVIGIL_TEST_NO_SERVER=1). */
export function testServerUrl(): string | undefined {
  return inject('serverUrl') || undefined;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Creates a uniquely named database on the test cluster; the engine's close() drops it. */
export async function openServerTestDatabase(): Promise<Engine> {
  const adminUrl = testServerUrl();
  if (!adminUrl) throw new Error('no test PostgreSQL server in this run (PGVIGIL_TEST_NO_SERVER=1)');
  const name = uniqueName('pgvigil_test');
  const admin = await openServer(adminUrl);
  try {
    await admin.exec(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const engine = await openServer(urlForDatabase(adminUrl, name));
  const close = async (): Promise<void> => {
    await engine.close();
    const dropper = await openServer(adminUrl);
    try {
      await dropper.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await dropper.close();
    }
  };
  return withClose(engine, close);
}

function withClose(engine: Engine, close: () => Promise<void>): Engine {
  return {
    kind: engine.kind,
    serverVersion: engine.serverVersion,
    query: <R>(sql: string, params?: unknown[]) => engine.query<R>(sql, params),
    exec: (sql) => engine.exec(sql),
    copyFrom: (sql, data) => engine.copyFrom?.(sql, data) ?? Promise.reject(new Error('no copyFrom')),
    transaction: (fn, opts) => engine.transaction(fn, opts),
    resetSession: () => engine.resetSession(),
    close,
  };
}

const allCases: readonly EngineCase[] = [
  { name: 'pglite', open: () => openPglite() },
  { name: 'server', open: openServerTestDatabase },
];

/** Every engine this run can test; the server is left out only when the run explicitly opted out. */
export const engineCases: readonly EngineCase[] = allCases.filter(
  (c) => c.name !== 'server' || testServerUrl(),
);

/** Registers the same describe block once per engine, like Kysely's tests loop over dialects. */
export function describeEachEngine(title: string, body: (open: () => Promise<Engine>) => void): void {
  for (const engineCase of engineCases) {
    describe(`${title} [${engineCase.name}]`, () => body(engineCase.open));
  }
}
