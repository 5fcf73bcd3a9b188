import type { Finding, SchemaRule } from '../schema-rule.js';
import { primaryKeyOf } from './column-facts.js';
import { keyColumns, primaryKeyCandidate } from './primary-key-candidate.js';
import { keyFromIndexSql, newKeySql } from './primary-key-sql.js';

export const requirePrimaryKey: SchemaRule = {
  meta: {
    id: 'require-primary-key',
    group: 'schema',
    category: 'correctness',
    defaultSeverity: 'warning',
    summary: 'A table has no primary key.',
  },
  check(ctx) {
    const findings: Finding[] = [];
    // A partition's key is its parent's: judge the parent only.
    for (const table of ctx.catalog.tables.filter((t) => t.partitionOf === undefined)) {
      if (primaryKeyOf(ctx.catalog, table)) continue;
      const candidate = primaryKeyCandidate(ctx.catalog, table);
      const columns = candidate ? keyColumns(candidate) : [];
      const note = candidate
        ? ` Its unique index ${candidate.qualified} on NOT NULL (${columns.join(', ')}) can become the key.`
        : '';
      findings.push({
        message: `Table ${table.qualified} has no primary key.${note}`,
        why: `Without a primary key, logical replication cannot publish its UPDATEs and DELETEs (no replica identity), ORMs and admin tools cannot address one row, and nothing stops duplicate rows from creeping in.`,
        help: candidate
          ? `Promote ${candidate.qualified} with ALTER TABLE … ADD CONSTRAINT … PRIMARY KEY USING INDEX: no index build and no scan, only a brief ACCESS EXCLUSIVE lock.`
          : `Add a bigint identity key. Adding it in one statement rewrites the table under ACCESS EXCLUSIVE; the SQL below adds a nullable column, backfills it in batches, indexes it CONCURRENTLY and only then makes it the key.`,
        suggestedSql: candidate
          ? keyFromIndexSql(ctx.catalog, table, candidate)
          : newKeySql(ctx.catalog, table),
        ...ctx.locate({ kind: 'table', table }),
        data: {
          table: table.qualified,
          candidateIndex: candidate?.qualified,
          candidateColumns: candidate ? columns : undefined,
          partitioned: table.kind === 'partitioned',
        },
      });
    }
    return findings;
  },
};
