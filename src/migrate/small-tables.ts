import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleMeta } from '../diagnostics/rule-meta.js';
import { tablesNamed } from '../rules/migration/finding-tables.js';
import { isSmallTable, type TableSize, type TableSizes } from './table-sizes.js';

function describe(name: string, size: TableSize): string {
  return `${name} ~${Math.round(size.rows)} rows, ${Math.max(1, Math.round(size.bytes / 1024))} kB`;
}

/**
 * A finding whose cost grows with the table, about tables the live database's statistics call
 * small, is only information: the work is over in milliseconds. The lock still queues behind
 * long-running queries, which is require-lock-timeout's business, not this finding's.
 */
export function demoteForSmallTables(
  diagnostic: Diagnostic,
  meta: RuleMeta,
  sizes: TableSizes | undefined,
): Diagnostic {
  if (!sizes || !meta.scalesWithTable || diagnostic.severity === 'info') return diagnostic;
  const tables = tablesNamed(diagnostic.data);
  const known = tables.map((name) => ({ name, size: sizes.get(name) }));
  if (known.length === 0 || !known.every(({ size }) => isSmallTable(size))) return diagnostic;
  const facts = known.map(({ name, size }) => describe(name, size as TableSize)).join('; ');
  const note = `The live database's statistics say this is small (${facts}), so the work is over in milliseconds.`;
  return {
    ...diagnostic,
    severity: 'info',
    why: diagnostic.why ? `${diagnostic.why} ${note}` : note,
    data: { ...diagnostic.data, smallTable: true },
  };
}
