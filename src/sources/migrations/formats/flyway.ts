import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { initSql } from '../../../sql/parser.js';
import { splitStatements } from '../../../sql/split.js';
import { compareDotted } from '../compare-versions.js';
import { pathIn, readText } from '../folder.js';
import type { FolderListing, Migration, MigrationLoader, MigrationStep } from '../migration.js';
import { pairByVersion, readStep, type StepFile } from '../pair-files.js';

/** Flyway's default prefixes and separator: `V1.1__desc.sql`, `U1.1__desc.sql`, `R__desc.sql`. */
const VERSIONED = /^([VU])(\d+(?:[._]\d+)*)__(.+)\.sql$/;
const REPEATABLE = /^R__(.+)\.sql$/;

/**
 * Statements Flyway's `PostgreSQLParser.detectCanExecuteInTransaction` finds non-transactional
 * (its regexes, on the statement upper-cased with single spaces). `ALTER TYPE ... ADD VALUE` is
 * on the list only before PostgreSQL 12, so it is left out here.
 */
const NON_TRANSACTIONAL = [
  /^(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)/,
  /^ALTER SYSTEM/,
  /^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY/,
  /^REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)/,
  /^VACUUM/,
  /^DISCARD ALL/,
];

function nonTransactional(step: MigrationStep): boolean {
  return splitStatements(step.sql, step.file).statements.some((statement) => {
    const simplified = statement.text.toUpperCase().replace(/\s+/g, ' ');
    return NON_TRANSACTIONAL.some((pattern) => pattern.test(simplified));
  });
}

/** A script config file `V1__x.sql.conf` with `executeInTransaction=false` (Flyway 6.1+). */
async function configuredOutOfTransaction(listing: FolderListing, fileName: string): Promise<boolean> {
  if (!listing.files.includes(`${fileName}.conf`)) return false;
  const config = readText(listing, pathIn(listing, `${fileName}.conf`));
  return /^\s*executeInTransaction\s*=\s*false\s*$/m.test(config ?? '');
}

interface FlywayFile extends StepFile {
  readonly description: string;
}

function versionedFiles(names: readonly string[]): FlywayFile[] {
  return names.flatMap((fileName) => {
    const match = VERSIONED.exec(fileName);
    if (!match) return [];
    const [, prefix, raw = '', description = ''] = match;
    // Flyway accepts `_` as a version separator and ignores leading zeros per part.
    const version = raw.replace(/_/g, '.');
    return [{ fileName, version, name: description, description, direction: prefix === 'V' ? 'up' : 'down' }];
  });
}

async function toMigration(
  listing: FolderListing,
  version: string,
  name: string,
  up: MigrationStep,
  down: MigrationStep | undefined,
  upFileName: string,
): Promise<Migration> {
  const outside = (await configuredOutOfTransaction(listing, upFileName)) || nonTransactional(up);
  return { format: 'flyway', version, name, up, down, inTransaction: !outside };
}

/**
 * Flyway SQL migrations: versioned `V<version>__desc.sql` in version order (parts compared as
 * numbers), undo `U<version>__desc.sql` as their down, then repeatable `R__desc.sql` in
 * description order after all versioned ones.
 *
 * Transactions: Flyway wraps each migration in its own transaction (`executeInTransaction`,
 * default true, Flyway docs "Execute In Transaction Setting"), sending statements one by one over
 * JDBC. A script holding a statement PostgreSQL refuses in a transaction runs without one (with
 * `mixed=true`; otherwise Flyway refuses the mix), and a `.sql.conf` script config file with
 * `executeInTransaction=false` turns it off (Flyway 6.1 release notes). Only that documented
 * side file is read; an inline `-- flyway:executeInTransaction=false` comment is not honoured.
 */
export const flyway: MigrationLoader = {
  format: 'flyway',
  looksFor: 'V<version>__<name>.sql or R__<name>.sql (Flyway)',
  detect: async (listing) => listing.files.some((name) => VERSIONED.test(name) || REPEATABLE.test(name)),
  async load(listing) {
    await initSql();
    const paired = pairByVersion(listing, versionedFiles(listing.files), compareDotted);
    const diagnostics: Diagnostic[] = [...paired.diagnostics];
    const migrations: Migration[] = [];
    for (const pair of paired.pairs) {
      const up = await readStep(listing, pair.up.fileName, diagnostics);
      const down = pair.down && (await readStep(listing, pair.down.fileName, diagnostics));
      if (up)
        migrations.push(
          await toMigration(listing, pair.up.version, pair.up.description, up, down, pair.up.fileName),
        );
    }
    for (const fileName of listing.files.filter((name) => REPEATABLE.test(name))) {
      const up = await readStep(listing, fileName, diagnostics);
      const name = REPEATABLE.exec(fileName)?.[1] ?? fileName;
      if (up) migrations.push(await toMigration(listing, `R__${name}`, name, up, undefined, fileName));
    }
    return { migrations, diagnostics };
  },
};
