import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { Migration, MigrationLoader } from '../migration.js';
import { readStep } from '../pair-files.js';

/**
 * `.sql`, and `.sql.postgres`: the suffix Synapse (matrix-org/synapse `prepare_database.py`)
 * gives a delta that runs only on PostgreSQL, beside a `.sql.sqlite` one that is skipped.
 */
const SQL_FILE = /\.sql(\.postgres)?$/;

/**
 * A folder of SQL files applied in name order, each as `psql -f` runs it: every statement
 * commits on its own unless the file says BEGIN, so the tool adds no transaction.
 */
export const plain: MigrationLoader = {
  format: 'plain',
  looksFor: 'any .sql or .sql.postgres file (a plain folder, in name order)',
  detect: async (listing) => listing.files.some((name) => SQL_FILE.test(name)),
  async load(listing) {
    const diagnostics: Diagnostic[] = [];
    const migrations: Migration[] = [];
    for (const fileName of listing.files.filter((name) => SQL_FILE.test(name))) {
      const up = await readStep(listing, fileName, diagnostics);
      const version = fileName.replace(SQL_FILE, '');
      if (up) migrations.push({ format: 'plain', version, name: fileName, up, inTransaction: false });
    }
    return { migrations, diagnostics };
  },
};
