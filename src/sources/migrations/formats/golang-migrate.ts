import { compareNumeric } from '../compare-versions.js';
import { sentAsOneQueryInTransaction } from '../implicit-transaction.js';
import type { MigrationLoader } from '../migration.js';
import { pairByVersion, readPairs, type StepFile } from '../pair-files.js';

const FILE = /^(\d+)_(.+)\.(up|down)\.sql$/;

function stepFiles(names: readonly string[]): StepFile[] {
  return names.flatMap((fileName) => {
    const match = FILE.exec(fileName);
    if (!match) return [];
    const [, version = '', name = '', direction] = match;
    return [{ fileName, version, name, direction: direction === 'up' ? 'up' : 'down' }];
  });
}

/**
 * golang-migrate: `N_name.up.sql` / `N_name.down.sql`, versions in numeric order.
 *
 * Transactions: the postgres driver does not wrap a migration. `Run` reads the whole file and
 * sends it with one `ExecContext` and no arguments (golang-migrate/migrate
 * database/postgres/postgres.go `Run` / `runStatement`), so lib/pq uses the simple query
 * protocol and PostgreSQL runs a multi-statement file as one implicit transaction; a file of a
 * single statement runs in none (which is how `CREATE INDEX CONCURRENTLY` is meant to be used).
 * With `x-multi-statement=true` in the database URL the driver splits on `;` and runs each
 * statement alone; that lives in the URL, not in the folder, so only an override can say so.
 */
export const golangMigrate: MigrationLoader = {
  format: 'golang-migrate',
  looksFor: '<version>_<name>.up.sql (golang-migrate)',
  detect: async (listing) => listing.files.some((name) => FILE.test(name)),
  async load(listing) {
    const paired = pairByVersion(listing, stepFiles(listing.files), compareNumeric);
    return readPairs(listing, 'golang-migrate', paired, (up) => sentAsOneQueryInTransaction(up.sql));
  },
};
