import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DEBIAN_PG_ROOT = '/usr/lib/postgresql';

/** Directory holding initdb and pg_ctl: the newest Debian-packaged major, else whatever PATH offers. */
export function findPgBinDir(): string {
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
