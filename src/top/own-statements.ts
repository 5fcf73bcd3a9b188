import type { StatSnapshot } from './stat-entry.js';

/** Marks the statements pgvigil top sends, so the view's record of them can be told apart. */
export const OWN_MARKER = '/* pgvigil */';

/**
 * pgvigil's own statements: marked ones, the settings, transaction start and version query every
 * connection of src/engine/server.ts sends, EXPLAINs and prepared plans, HypoPG calls, anyone's reads of the
 * view. Ranking them would make every run of top disturb the next.
 */
const OWN = [
  /\/\* pgvigil \*\/|pg_stat_statements|\bhypopg_|pgvigil_explain/i,
  /^\s*(explain|deallocate)\b/i,
  /^SELECT set_config\(\$\d+, \$\d+, \$\d+\), set_config\(\$\d+, \$\d+, /,
  // Each read-only statement's own transaction (src/engine/session-settings.ts readOnlyTransactionStart).
  /^BEGIN READ ONLY$/i,
  /^SELECT current_setting\(\$1\)::int AS v$/,
];

function isOwnStatement(text: string): boolean {
  return OWN.some((own) => own.test(text));
}

/** The snapshot without pgvigil's own statements. */
export function withoutOwnStatements(snapshot: StatSnapshot): StatSnapshot {
  return { ...snapshot, entries: snapshot.entries.filter((e) => !isOwnStatement(e.query)) };
}
