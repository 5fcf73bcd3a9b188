import { readCatalog } from '../../../src/catalog/read-catalog.js';
import type { Engine } from '../../../src/engine/engine.js';
import type { Finding, SchemaRule } from '../../../src/rules/schema-rule.js';
import { initSql } from '../../../src/sql/parser.js';

/** Loads the SQL into the engine, reads the catalog and runs one rule over it, with defaults for thresholds. */
export async function checkSchemaRule(
  engine: Engine,
  rule: SchemaRule,
  sql: string,
): Promise<readonly Finding[]> {
  await initSql();
  await engine.exec(sql);
  const catalog = await readCatalog(engine);
  const thresholds = Object.fromEntries(
    Object.entries(rule.meta.thresholds ?? {}).map(([name, threshold]) => [name, threshold.default]),
  );
  return rule.check({ catalog, thresholds, locate: () => undefined });
}

/** A clean public schema between tests, so one engine (a PGlite start-up is costly) serves a whole file. */
export async function resetPublicSchema(engine: Engine): Promise<void> {
  await engine.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
}
