import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { anyFileMatches, pathIn, readText } from '../folder.js';
import { folderProblem } from '../folder-problem.js';
import { sentAsOneQueryInTransaction } from '../implicit-transaction.js';
import type { Migration, MigrationLoader } from '../migration.js';
import { lineOf, sectionOf } from '../step-text.js';

/** dbmate `migration.go`: the version is the leading digits of a `.sql` file name. */
const FILE = /^(\d+)(?:_(.*))?\.sql$/;
const UP = /^--\s*migrate:up(\s*$|\s+\S+)/m;
const DOWN = /^--\s*migrate:down(\s*$|\s+\S+)$/m;

const MARKER_HELP = "Start the up section with '-- migrate:up' and the down section with '-- migrate:down'.";

/** dbmate `parseMigrationOptions`: `transaction:false` on the directive line turns the wrapper off. */
function wantsTransaction(text: string, at: number): boolean {
  const line = text.slice(at).split('\n', 1)[0] ?? '';
  return !/\btransaction:false\b/.test(line);
}

/** A section runs in dbmate's transaction, or in PostgreSQL's implicit one when it holds several statements. */
async function inTransaction(text: string, marker: number, sql: string): Promise<boolean> {
  return wantsTransaction(text, marker) || (await sentAsOneQueryInTransaction(sql));
}

/**
 * dbmate: one `<version>_name.sql` per migration with `-- migrate:up` and `-- migrate:down`
 * sections (both required, up first; `parseMigrationContents`), applied in file-name order.
 *
 * Transactions: each section (up and down alike, each by its own marker) runs inside a transaction unless its directive line says
 * `transaction:false` (`migrationOptions.Transaction`, README "Migration Options"). Without one
 * the section still goes to PostgreSQL as one query string, so several statements share an
 * implicit transaction: `transaction:false` with two statements and a CONCURRENTLY still fails
 * (amacneil/dbmate#182, #285).
 */
export const dbmate: MigrationLoader = {
  format: 'dbmate',
  looksFor: '.sql files with -- migrate:up (dbmate)',
  detect: (listing) => anyFileMatches(listing, FILE, UP),
  async load(listing) {
    const diagnostics: Diagnostic[] = [];
    const migrations: Migration[] = [];
    for (const fileName of listing.files) {
      const match = FILE.exec(fileName);
      if (!match) continue;
      const file = pathIn(listing, fileName);
      const text = readText(listing, file);
      const up = text === undefined ? -1 : text.search(UP);
      const down = text === undefined ? -1 : text.search(DOWN);
      if (text === undefined || up < 0 || down < up) {
        const where = text !== undefined && down >= 0 ? lineOf(text, down) : 1;
        diagnostics.push(
          folderProblem(
            file,
            `dbmate cannot run ${fileName}: ${problemOf(text, up, down)}; it is left out.`,
            MARKER_HELP,
            where,
          ),
        );
        continue;
      }
      const upStep = sectionOf(file, text, { start: up, end: down });
      const downStep = sectionOf(file, text, { start: down, end: text.length });
      migrations.push({
        format: 'dbmate',
        version: match[1] ?? '',
        name: match[2] ?? fileName,
        up: upStep,
        down: downStep,
        inTransaction: await inTransaction(text, up, upStep.sql),
        downInTransaction: await inTransaction(text, down, downStep.sql),
      });
    }
    return { migrations, diagnostics };
  },
};

function problemOf(text: string | undefined, up: number, down: number): string {
  if (text === undefined) return 'the file cannot be read';
  if (up < 0) return "no '-- migrate:up' line";
  if (down < 0) return "no '-- migrate:down' line";
  return "'-- migrate:down' comes before '-- migrate:up'";
}
