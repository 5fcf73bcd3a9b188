import type { CatalogSnapshot, Constraint, Table } from '../../catalog/model.js';
import { quoteIdent } from '../../sql/quote.js';
import type { Finding, SchemaRule } from '../schema-rule.js';
import { findTable, isCovered, ownForeignKeys, partitionsOf } from './fk-coverage.js';
import { suggestIndexName } from './index-name.js';

function columnList(columns: readonly string[]): string {
  return columns.map(quoteIdent).join(', ');
}

/** The fix for an ordinary table: one index built without blocking writes. */
function plainFix(catalog: CatalogSnapshot, table: Table, columns: readonly string[]): string {
  const name = suggestIndexName(catalog, table.schema, table.name, columns);
  return `CREATE INDEX CONCURRENTLY ${quoteIdent(name)} ON ${table.qualified} (${columnList(columns)});`;
}

/**
 * CREATE INDEX CONCURRENTLY is refused on a partitioned table, and a plain CREATE INDEX on it locks
 * every partition. So: an invalid index on the parent alone, each partition indexed concurrently,
 * then attached; the parent index becomes valid once every partition is attached.
 */
function partitionedFix(catalog: CatalogSnapshot, table: Table, columns: readonly string[]): string {
  const parentName = suggestIndexName(catalog, table.schema, table.name, columns);
  const lines = [
    `CREATE INDEX ${quoteIdent(parentName)} ON ONLY ${table.qualified} (${columnList(columns)});`,
  ];
  for (const partition of partitionsOf(catalog, table)) {
    const name = suggestIndexName(catalog, partition.schema, partition.name, columns);
    const qualifiedIndex = `${quoteIdent(partition.schema)}.${quoteIdent(name)}`;
    if (partition.kind === 'partitioned') {
      lines.push(`-- ${partition.qualified} is itself partitioned: repeat these steps for its partitions.`);
    }
    lines.push(
      `CREATE INDEX CONCURRENTLY ${quoteIdent(name)} ON ${partition.qualified} (${columnList(columns)});`,
      `ALTER INDEX ${quoteIdent(table.schema)}.${quoteIdent(parentName)} ATTACH PARTITION ${qualifiedIndex};`,
    );
  }
  return lines.join('\n');
}

function describe(fk: Constraint, table: Table): Finding {
  const references = fk.references;
  const parent = references?.table.qualified ?? 'the referenced table';
  const cols = fk.columns.join(', ');
  const cascade =
    references?.onDelete === 'cascade'
      ? ` With ON DELETE CASCADE, deleting one row of ${parent} scans ${table.qualified} to find the rows to delete too.`
      : '';
  const partitioned = table.kind === 'partitioned' ? ' (every partition is scanned)' : '';
  return {
    message: `Foreign key ${fk.name} on ${table.qualified} (${cols}) has no index: every DELETE on ${parent}, and every UPDATE of its key, scans ${table.qualified}.`,
    why: `For each such row PostgreSQL looks up the referencing rows with WHERE ${fk.columns
      .map((c) => `${c} = $n`)
      .join(
        ' AND ',
      )}; without an index whose leading columns are (${cols}) that is a sequential scan of ${table.qualified}${partitioned}, repeated for every affected row, so the statement is slow and holds its row locks all that time.${cascade} Joins from ${parent} to ${table.qualified} have no index to use either.`,
    help:
      table.kind === 'partitioned'
        ? `Index (${cols}) on ${table.qualified} partition by partition, then attach: the SQL below never blocks writes.`
        : `Create an index on ${table.qualified} (${cols}) with CREATE INDEX CONCURRENTLY (outside a transaction block), so writes go on while it builds.`,
  };
}

export const requireFkIndex: SchemaRule = {
  meta: {
    id: 'require-fk-index',
    group: 'schema',
    category: 'performance',
    defaultSeverity: 'error',
    summary: 'A foreign key has no index whose leading columns are its columns.',
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const fk of ownForeignKeys(ctx.catalog)) {
      const table = findTable(ctx.catalog, fk.table);
      if (!table || isCovered(ctx.catalog, table, fk.columns)) continue;
      const fix =
        table.kind === 'partitioned'
          ? partitionedFix(ctx.catalog, table, fk.columns)
          : plainFix(ctx.catalog, table, fk.columns);
      findings.push({
        ...describe(fk, table),
        ...ctx.locate({ kind: 'constraint', constraint: fk }),
        suggestedSql: fix,
        data: {
          table: table.qualified,
          constraint: fk.name,
          columns: fk.columns,
          referencedTable: fk.references?.table.qualified,
          onDelete: fk.references?.onDelete,
          partitioned: table.kind === 'partitioned',
        },
      });
    }
    return findings;
  },
};
