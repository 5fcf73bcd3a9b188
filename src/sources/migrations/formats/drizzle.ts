import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { pathIn, readText } from '../folder.js';
import { folderProblem } from '../folder-problem.js';
import type { FolderListing, Migration, MigrationLoader } from '../migration.js';
import { readStep } from '../pair-files.js';

const JOURNAL = 'meta/_journal.json';

interface Journal {
  readonly entries: readonly { readonly tag: string }[];
}

function isJournal(value: unknown): value is Journal {
  const entries = (value as { entries?: unknown } | null)?.entries;
  return Array.isArray(entries) && entries.every((entry) => typeof entry?.tag === 'string');
}

/** The file names in the journal's order, or name order (with a diagnostic) when it cannot be used. */
async function orderedFiles(listing: FolderListing, diagnostics: Diagnostic[]): Promise<readonly string[]> {
  const byName = listing.files.filter((name) => name.endsWith('.sql'));
  const text = readText(listing, pathIn(listing, JOURNAL));
  if (text === undefined) return byName;
  let journal: unknown;
  try {
    journal = JSON.parse(text);
  } catch {
    journal = undefined;
  }
  if (isJournal(journal)) return journal.entries.map((entry) => `${entry.tag}.sql`);
  diagnostics.push(
    folderProblem(
      pathIn(listing, JOURNAL),
      'meta/_journal.json is not a drizzle-kit journal; the migrations are taken in file-name order.',
      'Regenerate it with drizzle-kit, or fix its JSON.',
    ),
  );
  return byName;
}

/**
 * Drizzle Kit: `drizzle/<idx>_<name>.sql`, in the order of `meta/_journal.json` entries (their
 * `tag` names the file; drizzle-orm `migrator.ts` `readMigrationFiles`). `--> statement-breakpoint`
 * separates statements; it is a `--` comment, so the text needs no change. No down scripts.
 *
 * Transactions: drizzle-orm's PostgreSQL `migrate()` opens ONE transaction around every pending
 * migration of the run (`pg-core/dialect.ts` `migrate`: `session.transaction(async (tx) => { for
 * (const migration of migrations) ... })`), so each step is in a transaction, and a lock taken
 * by one migration is held until the last one of the run commits.
 */
export const drizzle: MigrationLoader = {
  format: 'drizzle',
  looksFor: 'a meta/_journal.json (Drizzle)',
  detect: async (listing) =>
    listing.dirs.includes('meta') && readText(listing, pathIn(listing, JOURNAL)) !== undefined,
  async load(listing) {
    const diagnostics: Diagnostic[] = [];
    const migrations: Migration[] = [];
    for (const fileName of await orderedFiles(listing, diagnostics)) {
      const up = await readStep(listing, fileName, diagnostics);
      const version = fileName.replace(/\.sql$/, '');
      if (up) migrations.push({ format: 'drizzle', version, name: version, up, inTransaction: true });
    }
    return { migrations, diagnostics };
  },
};
