import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { compareNumeric } from '../compare-versions.js';
import { anyFileMatches } from '../folder.js';
import type { Migration, MigrationLoader } from '../migration.js';
import { readStep } from '../pair-files.js';
import { sectionOf } from '../step-text.js';

/** node-pg-migrate `getNumericPrefix`: the digits before the first `_`. */
const FILE = /^(\d+)_(.+)\.sql$/;
/** node-pg-migrate `sqlMigration.ts` `createMigrationCommentRegex`. */
const UP = /^\s*--[\s-]*up\s+migration/im;
const DOWN = /^\s*--[\s-]*down\s+migration/im;

/**
 * node-pg-migrate SQL migrations: `<timestamp>_name.sql`, ordered by the numeric prefix. The up
 * section runs from `-- Up Migration` to `-- Down Migration` (either order), the whole file when
 * there is no up marker; without a down marker the migration has no down (`down: false`).
 *
 * Transactions (`migration.ts` `_apply`): a SQL file cannot call `pgm.noTransaction()`, so its
 * steps always run in a transaction — one `BEGIN`/`COMMIT` per migration, or, in the default
 * `--single-transaction` mode, one transaction around the whole run.
 */
export const nodePgMigrate: MigrationLoader = {
  format: 'node-pg-migrate',
  looksFor: '.sql files with -- Up Migration (node-pg-migrate)',
  detect: (listing) => anyFileMatches(listing, FILE, UP),
  async load(listing) {
    const diagnostics: Diagnostic[] = [];
    const migrations: Migration[] = [];
    const files = listing.files.filter((name) => FILE.test(name));
    const prefix = (name: string) => FILE.exec(name)?.[1] ?? '0';
    files.sort((a, b) => compareNumeric(prefix(a), prefix(b)) || (a < b ? -1 : 1));
    for (const fileName of files) {
      const whole = await readStep(listing, fileName, diagnostics);
      if (!whole) continue;
      const text = whole.sql;
      const up = text.search(UP);
      const down = text.search(DOWN);
      const end = (start: number, other: number) => (other > start ? other : text.length);
      migrations.push({
        format: 'node-pg-migrate',
        version: prefix(fileName),
        name: FILE.exec(fileName)?.[2] ?? fileName,
        up: up < 0 ? whole : sectionOf(whole.file, text, { start: up, end: end(up, down) }),
        down: down < 0 ? undefined : sectionOf(whole.file, text, { start: down, end: end(down, up) }),
        inTransaction: true,
      });
    }
    return { migrations, diagnostics };
  },
};
