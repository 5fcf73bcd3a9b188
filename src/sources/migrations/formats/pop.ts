import { sentAsOneQueryInTransaction } from '../implicit-transaction.js';
import type { FolderListing, MigrationLoader } from '../migration.js';
import { pairByVersion, readPairs, type StepFile } from '../pair-files.js';

/** ory/x popx `match.go`: `<version>_<name>[.<dialect>][.autocommit].(up|down).sql`. */
const FILE = /^(\d+)_([^.]+)(\.[a-z0-9]+)?(\.autocommit)?\.(up|down)\.sql$/;
/** pop's `CanonicalDialect` names for PostgreSQL. */
const POSTGRES = new Set(['postgres', 'postgresql', 'pg']);
/** Dialects pop knows; their files are for another database. */
const OTHER_DIALECTS = new Set(['mysql', 'mariadb', 'sqlite', 'sqlite3', 'cockroach', 'cockroachdb', 'crdb']);

interface PopFile extends StepFile {
  readonly postgresOnly: boolean;
  readonly autocommit: boolean;
}

function parse(fileName: string): PopFile | undefined {
  const match = FILE.exec(fileName);
  if (!match) return undefined;
  const [, version = '', name = '', third, fourth, direction] = match;
  // popx: `.autocommit` alone lands in the dialect group and means "all dialects".
  const autocommit = third === '.autocommit' || fourth === '.autocommit';
  const dialect = third === undefined || third === '.autocommit' ? 'all' : third.slice(1);
  if (dialect !== 'all' && !POSTGRES.has(dialect)) return undefined;
  return {
    fileName,
    version,
    name,
    direction: direction === 'up' ? 'up' : 'down',
    postgresOnly: dialect !== 'all',
    autocommit,
  };
}

/** popx `sortAndFilter`: a postgres file takes the place of the dialect-less one of its version. */
function forPostgres(names: readonly string[]): PopFile[] {
  const files = names.flatMap((name) => parse(name) ?? []);
  const specific = new Set(files.filter((f) => f.postgresOnly).map((f) => `${f.version} ${f.direction}`));
  return files.filter((f) => f.postgresOnly || !specific.has(`${f.version} ${f.direction}`));
}

function isPopFolder(listing: FolderListing): boolean {
  return listing.files.some((name) => {
    const match = FILE.exec(name);
    const dialect = match?.[3]?.slice(1);
    return (
      match?.[4] !== undefined ||
      (dialect !== undefined &&
        (POSTGRES.has(dialect) || OTHER_DIALECTS.has(dialect) || dialect === 'autocommit'))
    );
  });
}

/**
 * gobuffalo/pop as used by Ory (ory/x popx): versions compare as strings (`compareMigration`),
 * mysql, sqlite3 and cockroach files are ignored, and an empty file is a step that does nothing
 * (`isMigrationEmpty`), so an empty down is a real down.
 *
 * Transactions (popx `migrator.go` `UpTo`, `migration_box.go`): every migration runs in its own
 * SERIALIZABLE transaction (`isolatedTransaction`), except `.autocommit.` files, which run on the
 * bare connection with one `RawQuery(content).Exec` — a single query string, so PostgreSQL's
 * implicit transaction still covers a file of several statements.
 */
export const pop: MigrationLoader = {
  format: 'pop',
  looksFor: '<version>_<name>[.postgres].up.sql (pop)',
  detect: async (listing) => isPopFolder(listing),
  async load(listing) {
    const paired = pairByVersion(listing, forPostgres(listing.files), (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return readPairs(listing, 'pop', paired, async (up, file) =>
      file.autocommit ? sentAsOneQueryInTransaction(up.sql) : true,
    );
  },
};
