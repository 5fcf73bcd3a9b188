import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../../src/engine/engine.js';
import { corpusPath } from '../support/corpus.js';

/**
 * An empty database on either engine. The test cluster's template preloads pg_stat_statements;
 * dropping it here makes a fresh server database hold what a fresh PGlite holds.
 */
export async function openEmpty(open: () => Promise<Engine>): Promise<Engine> {
  const engine = await open();
  await engine.exec('DROP EXTENSION IF EXISTS pg_stat_statements');
  return engine;
}

export function blogSchemaSql(): string {
  return readFileSync(fileURLToPath(new URL('./fixtures/blog.sql', import.meta.url)), 'utf8');
}

export function pagilaSchemaSql(): string {
  return readFileSync(corpusPath('schemas/pagila-schema.sql'), 'utf8');
}
