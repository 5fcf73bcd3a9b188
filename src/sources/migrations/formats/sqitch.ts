import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { pathIn, readText } from '../folder.js';
import { folderProblem } from '../folder-problem.js';
import type { FolderListing, Migration, MigrationLoader } from '../migration.js';
import { wholeFile } from '../step-text.js';

const PLAN = 'sqitch.plan';

interface PlannedChange {
  readonly name: string;
  /** The script name: `name`, or `name@tag` for a change reworked later in the plan. */
  readonly script: string;
  readonly line: number;
}

/**
 * The changes of a plan in order. Lines are `name [deps] timestamp planner <email> # note`;
 * `%` pragmas, `@tag` lines, comments and blank lines carry no change. A change deployed again
 * later (reworked) keeps its earlier scripts as `name@tag.sql`, tag being the first tag after it
 * (sqitch-rework).
 */
function plannedChanges(plan: string): PlannedChange[] {
  const lines = plan.split('\n');
  const found: { name: string; line: number }[] = [];
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || /^[%#@]/.test(line) || line.startsWith('-')) continue;
    const name = line.replace(/^\+/, '').split(/\s+/, 1)[0] ?? '';
    if (name !== '') found.push({ name, line: index + 1 });
  }
  const tagAfter = (line: number) =>
    lines
      .slice(line)
      .map((text) => /^\s*@(\S+)/.exec(text)?.[1])
      .find((tag) => tag !== undefined);
  return found.map((change, i) => {
    const reworked = found.slice(i + 1).some((later) => later.name === change.name);
    const tag = reworked ? tagAfter(change.line) : undefined;
    return { ...change, script: tag ? `${change.name}@${tag}` : change.name };
  });
}

async function loadChange(
  listing: FolderListing,
  change: PlannedChange,
  diagnostics: Diagnostic[],
): Promise<Migration | undefined> {
  const deployFile = pathIn(listing, `deploy/${change.script}.sql`);
  const deploy = readText(listing, deployFile);
  if (deploy === undefined) {
    diagnostics.push(
      folderProblem(
        pathIn(listing, PLAN),
        `Change ${change.name} has no readable deploy/${change.script}.sql; it is left out.`,
        'Add the deploy script, or remove the change from sqitch.plan.',
        change.line,
      ),
    );
    return undefined;
  }
  const revertFile = pathIn(listing, `revert/${change.script}.sql`);
  const revert = readText(listing, revertFile);
  return {
    format: 'sqitch',
    version: change.script,
    name: change.name,
    up: wholeFile(deployFile, deploy),
    down: revert === undefined ? undefined : wholeFile(revertFile, revert),
    inTransaction: false,
  };
}

/**
 * Sqitch: `sqitch.plan` gives the order; each change is `deploy/<change>.sql`, with
 * `revert/<change>.sql` as its down (`verify/` is not a migration step).
 *
 * Transactions: the pg engine runs each script with `psql --file` and `ON_ERROR_STOP=1`, without
 * `--single-transaction` (sqitchers/sqitch `Engine/pg.pm` `run_file`, `_client_opts`), so Sqitch
 * adds none; the `BEGIN;` / `COMMIT;` that `sqitch add` templates put in the script are its own
 * statements and are replayed as such.
 */
export const sqitch: MigrationLoader = {
  format: 'sqitch',
  looksFor: 'a sqitch.plan (Sqitch)',
  detect: async (listing) => listing.files.includes(PLAN),
  async load(listing) {
    const diagnostics: Diagnostic[] = [];
    const plan = readText(listing, pathIn(listing, PLAN));
    if (plan === undefined) {
      const problem = folderProblem(
        pathIn(listing, PLAN),
        'Cannot read sqitch.plan; no change is loaded.',
        'Check its permissions.',
      );
      return { migrations: [], diagnostics: [problem] };
    }
    const migrations: Migration[] = [];
    for (const change of plannedChanges(plan)) {
      const migration = await loadChange(listing, change, diagnostics);
      if (migration) migrations.push(migration);
    }
    return { migrations, diagnostics };
  },
};
