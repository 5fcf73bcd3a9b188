import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { tablesNamed } from './finding-tables.js';

/** Tables some other finding on the statement already speaks of: the fallback rules stay quiet on them. */
export function coveredTables(reported: readonly Diagnostic[]): ReadonlySet<string> {
  return new Set(reported.flatMap((diagnostic) => tablesNamed(diagnostic.data)));
}

export const NO_RULE_NOTE =
  'No pgvigil rule explains this statement; this is what PostgreSQL was seen to do when pgvigil ran the migration (embedded, or in a scratch database with --db).';
