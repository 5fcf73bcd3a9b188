import type { CatalogSnapshot } from '../../catalog/model.js';
import { lookup } from './catalog-lookup.js';

/** Postgres truncates identifiers to NAMEDATALEN - 1 bytes. */
const MAX_IDENTIFIER_BYTES = 63;

function truncateBytes(text: string, maxBytes: number): string {
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char) > maxBytes) break;
    out += char;
  }
  return out;
}

/**
 * A name for a suggested index, `<table>_<columns>_idx` like Postgres chooses for an unnamed
 * index, made unique among the relations of the schema so the suggested SQL never collides.
 */
export function suggestIndexName(
  catalog: CatalogSnapshot,
  schema: string,
  table: string,
  columns: readonly string[],
): string {
  const taken = lookup(catalog).relationNames(schema);
  const base = `${table}_${columns.join('_')}`;
  for (let n = 0; ; n++) {
    const suffix = n === 0 ? '_idx' : `_idx${n}`;
    const name = truncateBytes(base, MAX_IDENTIFIER_BYTES - Buffer.byteLength(suffix)) + suffix;
    if (!taken.has(name)) return name;
  }
}
