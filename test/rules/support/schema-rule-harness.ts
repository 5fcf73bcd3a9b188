import { afterAll, beforeAll, beforeEach } from 'vitest';
import { readCatalog } from '../../../src/catalog/read-catalog.js';
import type { Engine } from '../../../src/engine/engine.js';
import type { Finding, SchemaRule } from '../../../src/rules/schema-rule.js';
import { initSql } from '../../../src/sql/parser.js';
import { describeEachEngine } from '../../support/engines.js';

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

/**
 * One engine per engine kind for the whole block (a PGlite start-up is costly), a clean public
 * schema before each test. The body gets an Engine that always talks to the block's current one.
 */
export function describeSchemaRule(title: string, body: (engine: Engine) => void): void {
  describeEachEngine(title, (open) => {
    let current: Engine | undefined;
    const engineOf = (): Engine => {
      if (!current) throw new Error('engine used outside a test');
      return current;
    };
    const engine: Engine = {
      get kind() {
        return engineOf().kind;
      },
      get serverVersion() {
        return engineOf().serverVersion;
      },
      query: (sql, params) => engineOf().query(sql, params),
      exec: (sql) => engineOf().exec(sql),
      transaction: (fn, opts) => engineOf().transaction(fn, opts),
      resetSession: () => engineOf().resetSession(),
      close: () => engineOf().close(),
    };
    beforeAll(async () => {
      current = await open();
    });
    beforeEach(() => resetPublicSchema(engineOf()));
    afterAll(() => engineOf().close());
    body(engine);
  });
}
