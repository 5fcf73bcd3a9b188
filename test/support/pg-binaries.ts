import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DEBIAN_PG_ROOT = '/usr/lib/postgresql';

/** Overrides the search, e.g. for a server built from source or installed by Homebrew. */
export const PG_BIN_ENV = 'PGVIGIL_TEST_PG_BIN';

/** Directory holding initdb and pg_ctl: $PGVIGIL_TEST_PG_BIN, the newest Debian-packaged major, or PATH. */
export function findPgBinDir(): string {
  const override = process.env[PG_BIN_ENV];
  if (override) {
    if (existsSync(join(override, 'initdb'))) return override;
    throw new Error(`${PG_BIN_ENV}=${override} holds no initdb: point it at the PostgreSQL bin directory`);
  }
  if (existsSync(DEBIAN_PG_ROOT)) {
    const majors = readdirSync(DEBIAN_PG_ROOT)
      .filter((name) => /^\d+$/.test(name) && existsSync(join(DEBIAN_PG_ROOT, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (majors[0]) return join(DEBIAN_PG_ROOT, majors[0], 'bin');
  }
  try {
    const initdb = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    if (initdb) return initdb.slice(0, initdb.lastIndexOf('/'));
  } catch {
    // fall through to the explanatory error
  }
  throw new Error(
    `PostgreSQL server binaries not found (no ${DEBIAN_PG_ROOT}/*/bin/initdb, no initdb on PATH): install them, e.g. apt-get install -y postgresql`,
  );
}
