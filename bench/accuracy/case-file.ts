import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** One accuracy case: the database as it stands, and one migration run against it. */
export interface AccuracyCase {
  /** The file name without `.sql`. */
  readonly name: string;
  readonly description: string;
  /** Whether judging the migration needs the schema as it stands (static mode is scored only where not). */
  readonly needsCatalog: boolean;
  /** false when the header says `-- no-transaction`: each statement then runs on its own. */
  readonly inTransaction: boolean;
  readonly setup: string;
  readonly migration: string;
}

export const CASES_DIR = join(import.meta.dirname, 'cases');

function header(text: string, file: string, key: string): string {
  const match = new RegExp(`^-- ${key}: (.+)$`, 'm').exec(text);
  if (!match?.[1]) throw new Error(`${file}: the header has no "-- ${key}: ..." line`);
  return match[1].trim();
}

function section(text: string, file: string, from: string, to?: string): string {
  const start = text.indexOf(`\n-- ${from}\n`);
  const end = to === undefined ? text.length : text.indexOf(`\n-- ${to}\n`);
  if (start < 0 || end < 0) throw new Error(`${file}: needs a "-- setup" line, then a "-- migration" line`);
  return `${text.slice(start + from.length + 5, end).trim()}\n`;
}

export function parseCase(file: string, text: string): AccuracyCase {
  const catalog = header(text, file, 'catalog');
  if (catalog !== 'needed' && catalog !== 'not needed')
    throw new Error(`${file}: "-- catalog:" is "needed" or "not needed", not "${catalog}"`);
  return {
    name: basename(file, '.sql'),
    description: header(text, file, 'description'),
    needsCatalog: catalog === 'needed',
    inTransaction: !/^-- no-transaction$/m.test(text),
    setup: section(text, file, 'setup', 'migration'),
    migration: section(text, file, 'migration'),
  };
}

/** Every case, sorted by name. */
export function readCases(dir = CASES_DIR): AccuracyCase[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => parseCase(name, readFileSync(join(dir, name), 'utf8')));
}

/**
 * The migration as a plain .sql file the way a user hands it to a linter: a transactional case is
 * wrapped in BEGIN/COMMIT, since that is how a plain file says "one transaction" to every tool.
 */
export function migrationFileText(c: AccuracyCase): string {
  return c.inTransaction ? `BEGIN;\n${c.migration}COMMIT;\n` : c.migration;
}
