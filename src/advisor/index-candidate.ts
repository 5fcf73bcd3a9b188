import { quoteIdentifier } from '../catalog/diff/names.js';
import { renderIndexKey } from '../catalog/index.js';
import type { IndexKey } from '../catalog/model.js';

/** An index the advisor may suggest: what CREATE INDEX needs, nothing else. */
export interface IndexCandidate {
  /** The table, schema-qualified and quoted as Postgres quotes it (public.comments). */
  readonly table: string;
  readonly method: 'btree' | 'gin';
  readonly keys: readonly IndexKey[];
  readonly include: readonly string[];
  /** A partial index's predicate, as SQL. */
  readonly predicate?: string;
  /** An extension the index needs (pg_trgm for gin_trgm_ops). */
  readonly extension?: string;
}

export function columnKey(column: string, descending = false, opclass?: string): IndexKey {
  return {
    kind: 'column',
    column,
    descending,
    nullsFirst: descending,
    ...(opclass !== undefined && { opclass }),
  };
}

export function expressionKey(expression: string, descending = false): IndexKey {
  return { kind: 'expression', expression, descending, nullsFirst: descending };
}

/** `ON public.comments USING btree (author_id, created_at DESC) INCLUDE (body) WHERE ...` */
export function indexTarget(candidate: IndexCandidate): string {
  const include = candidate.include.length
    ? ` INCLUDE (${candidate.include.map(quoteIdentifier).join(', ')})`
    : '';
  const where = candidate.predicate ? ` WHERE ${candidate.predicate}` : '';
  return `ON ${candidate.table} USING ${candidate.method} (${candidate.keys.map(renderIndexKey).join(', ')})${include}${where}`;
}

/** Identity of a candidate: two queries proposing the same index propose one candidate. */
export function candidateId(candidate: IndexCandidate): string {
  return indexTarget(candidate);
}

function keyWords(key: IndexKey): string {
  return key.kind === 'column' ? key.column : key.expression.replace(/\W+/g, '_').replace(/^_|_$/g, '');
}

/** A readable name in the style of Postgres's own: comments_author_id_created_at_idx (at most 63 bytes). */
export function indexName(candidate: IndexCandidate): string {
  const table = candidate.table.split('.').at(-1)?.replace(/"/g, '') ?? 'table';
  const where = candidate.predicate ? [candidate.predicate.replace(/\W+/g, '_').replace(/^_|_$/g, '')] : [];
  const words = [
    table,
    ...candidate.keys.map(keyWords),
    ...where,
    candidate.method === 'gin' ? 'gin' : 'idx',
  ];
  return words.join('_').toLowerCase().slice(0, 63);
}

/** The statement a user runs: CONCURRENTLY, so writes to the table go on while it builds. */
export function createIndexStatement(candidate: IndexCandidate): string {
  return `CREATE INDEX CONCURRENTLY ${quoteIdentifier(indexName(candidate))} ${indexTarget(candidate)};`;
}
