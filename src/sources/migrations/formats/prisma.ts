import { join } from 'node:path';
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { pathIn, readText } from '../folder.js';
import { folderProblem } from '../folder-problem.js';
import { sentAsOneQueryInTransaction } from '../implicit-transaction.js';
import type { Migration, MigrationLoader } from '../migration.js';
import { wholeFile } from '../step-text.js';

const LOCK_FILE = 'migration_lock.toml';
/** `prisma migrate dev` names each folder `<yyyymmddhhmmss>_<name>`. */
const FOLDER = /^(\d+)_(.+)$/;

/**
 * Prisma Migrate: `migrations/<timestamp>_<name>/migration.sql`, applied in folder-name order;
 * Prisma writes no down scripts.
 *
 * Transactions: `prisma migrate deploy` does not wrap a migration in BEGIN/COMMIT on PostgreSQL;
 * the schema engine sends the whole script as one query string, so several statements share
 * PostgreSQL's implicit transaction (visible in their shared `xmin`) while a script of a single
 * `CREATE INDEX CONCURRENTLY` succeeds (prisma/orm#22922, prisma/orm#14456 workaround).
 */
export const prisma: MigrationLoader = {
  format: 'prisma',
  looksFor: '<timestamp>_<name>/migration.sql folders (Prisma)',
  detect: async (listing) =>
    listing.files.includes(LOCK_FILE) || listing.dirs.some((name) => FOLDER.test(name)),
  async load(listing) {
    const diagnostics: Diagnostic[] = [];
    const migrations: Migration[] = [];
    for (const folder of listing.dirs.filter((name) => FOLDER.test(name))) {
      const file = pathIn(listing, join(folder, 'migration.sql'));
      const text = readText(listing, file);
      if (text === undefined) {
        diagnostics.push(
          folderProblem(
            file,
            `Migration folder ${folder} has no readable migration.sql; it is left out.`,
            'Add migration.sql, or delete the folder.',
          ),
        );
        continue;
      }
      const up = wholeFile(file, text);
      const [, version = folder, name = folder] = FOLDER.exec(folder) ?? [];
      migrations.push({
        format: 'prisma',
        version,
        name,
        up,
        inTransaction: await sentAsOneQueryInTransaction(up.sql),
      });
    }
    return { migrations, diagnostics };
  },
};
