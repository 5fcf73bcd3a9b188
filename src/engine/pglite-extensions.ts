import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { hstore } from '@electric-sql/pglite/contrib/hstore';
import { intarray } from '@electric-sql/pglite/contrib/intarray';
import { isn } from '@electric-sql/pglite/contrib/isn';
import { lo } from '@electric-sql/pglite/contrib/lo';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { seg } from '@electric-sql/pglite/contrib/seg';
import { tablefunc } from '@electric-sql/pglite/contrib/tablefunc';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';

/**
 * The contrib extensions schemas and migrations commonly CREATE (trigram and btree GIN/GiST
 * indexes, citext, hstore, pgcrypto, uuid-ossp, ...). Each one registered costs start-up time
 * (all of them: about 0.35 s here), so an engine registers only those its SQL asks for.
 */
const PGLITE_EXTENSIONS = {
  btree_gin,
  btree_gist,
  citext,
  cube,
  earthdistance,
  fuzzystrmatch,
  hstore,
  intarray,
  isn,
  lo,
  ltree,
  pg_trgm,
  pgcrypto,
  seg,
  tablefunc,
  unaccent,
  uuid_ossp,
};

type ExtensionName = keyof typeof PGLITE_EXTENSIONS;

/** CREATE EXTENSION [IF NOT EXISTS] name, quoted or not: enough to decide what to register. */
const CREATE_EXTENSION = /create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([a-z0-9_-]+)"?/gi;

/** The extensions a set of SQL texts creates that PGlite can provide, by their CREATE EXTENSION names. */
export function extensionsCreatedIn(texts: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const text of texts)
    for (const match of text.matchAll(CREATE_EXTENSION)) names.add((match[1] ?? '').toLowerCase());
  return [...names].filter((name) => name.replaceAll('-', '_') in PGLITE_EXTENSIONS);
}

/** PGlite's extensions option for the names given (as CREATE EXTENSION spells them). */
export function pgliteExtensions(names: readonly string[]): Partial<typeof PGLITE_EXTENSIONS> {
  return Object.fromEntries(
    names.flatMap((name) => {
      const key = name.replaceAll('-', '_') as ExtensionName;
      return key in PGLITE_EXTENSIONS ? [[key, PGLITE_EXTENSIONS[key]]] : [];
    }),
  );
}
