import type { Engine } from './engine.js';
import { openPglite } from './pglite.js';
import { openServer } from './server.js';

export interface OpenEngineOptions {
  /** postgres:// URL of a server; without it pgvigil runs on the embedded engine. */
  readonly db?: string;
  /** Server only, and on by default: inspecting a user's database never writes. */
  readonly readOnly?: boolean;
}

/** The engine a command runs on: the server given with --db, else an in-process PGlite. */
export function openEngine(opts: OpenEngineOptions = {}): Promise<Engine> {
  if (opts.db) return openServer(opts.db, { readOnly: opts.readOnly ?? true });
  return openPglite();
}
