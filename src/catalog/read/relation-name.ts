import type { RelationName } from '../model.js';

/** Builds a RelationName from row fields named `<prefix>schema`, `<prefix>name`, `<prefix>qualified`. */
export function relationName(row: Record<string, unknown>, prefix = ''): RelationName {
  return {
    schema: String(row[`${prefix}schema`]),
    name: String(row[`${prefix}name`]),
    qualified: String(row[`${prefix}qualified`]),
  };
}

/** Like relationName, but undefined when the row has no such relation (a LEFT JOIN found nothing). */
export function optionalRelationName(row: Record<string, unknown>, prefix: string): RelationName | undefined {
  return row[`${prefix}name`] == null ? undefined : relationName(row, prefix);
}
