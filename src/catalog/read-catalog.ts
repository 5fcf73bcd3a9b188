import type { Engine } from '../engine/engine.js';
import type { CatalogSnapshot } from './model.js';
import { readConstraints } from './read/constraints.js';
import { readEnums } from './read/enums.js';
import { readExtensions } from './read/extensions.js';
import { readFunctions } from './read/functions.js';
import { readIndexes } from './read/indexes.js';
import { readPolicies } from './read/policies.js';
import { readSchemas } from './read/schemas.js';
import { readSequences } from './read/sequences.js';
import { readTables } from './read/tables.js';
import { readTriggers } from './read/triggers.js';
import { readViews } from './read/views.js';

/** Settings that shape deparsed text, fixed for the transaction that reads the catalog. */
export const pinnedSettings = `SET LOCAL search_path = pg_catalog; SET LOCAL TimeZone = 'UTC';
SET LOCAL DateStyle = 'ISO, MDY'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 1`;

/**
 * Reads one snapshot of the user's schema objects. Runs in a rolled-back transaction with the
 * settings that shape deparsed text pinned: format_type, pg_get_expr and friends qualify names
 * by what is on search_path and print timestamptz literals (partition bounds, defaults) in the
 * session time zone, so fixed values make every text identical whatever the session set.
 */
export async function readCatalog(engine: Engine): Promise<CatalogSnapshot> {
  return engine.transaction(
    async (tx) => {
      await tx.exec(pinnedSettings);
      // Sequential on purpose: one PGlite connection serialises queries anyway.
      const schemas = await readSchemas(tx);
      const tables = await readTables(tx);
      const indexes = await readIndexes(tx);
      const constraints = await readConstraints(tx);
      const sequences = await readSequences(tx);
      const views = await readViews(tx);
      const enums = await readEnums(tx);
      const functions = await readFunctions(tx);
      const triggers = await readTriggers(tx);
      const extensions = await readExtensions(tx);
      const policies = await readPolicies(tx);
      return {
        serverVersion: engine.serverVersion,
        schemas,
        tables,
        indexes,
        constraints,
        sequences,
        views,
        enums,
        functions,
        triggers,
        extensions,
        policies,
      };
    },
    { rollback: true },
  );
}
