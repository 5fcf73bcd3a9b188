import { openEngine } from '../../engine/open.js';
import { exportStats } from '../../stats/export-stats.js';
import type { StatsFile } from '../../stats/stats-file.js';
import type { CliArgs } from '../args.js';
import { UsageError } from '../usage-error.js';
import type { CommandResult } from './check.js';

/** Each --schema and --table that matched no table (a typo, or a table in another schema): it exported nothing. */
function unmatched(stats: StatsFile, schemas: readonly string[], tables: readonly string[]): string[] {
  const found = [...stats.tables, ...stats.skipped];
  return [
    ...schemas
      .filter((schema) => !found.some((t) => t.schema === schema))
      .map((schema) => `pgvigil: --schema ${schema} matched no table; check its name.`),
    ...tables
      .filter((table) => !found.some((t) => t.name === table || `${t.schema}.${t.name}` === table))
      .map(
        (table) =>
          `pgvigil: --table ${table} matched no table${schemas.length > 0 ? ' in the --schema given' : ''}; check its name (name or schema.name).`,
      ),
  ];
}

/** What the export holds and what it left out, for stderr: stdout may be the file itself. */
function exportNotes(stats: StatsFile, output: string | undefined): string[] {
  const columns = stats.tables.reduce((n, t) => n + t.columns.length, 0);
  const unanalyzed = stats.tables.filter((t) => t.kind !== 'p' && t.reltuples < 0);
  return [
    `pgvigil: statistics of ${stats.tables.length} table(s) and ${columns} column(s) from PostgreSQL ${stats.server.version}, database ${stats.server.database}${output ? ` written to ${output}` : ''}.`,
    ...stats.skipped.map((s) => `pgvigil: skipped ${s.schema}.${s.name}: ${s.reason}.`),
    ...(unanalyzed.length > 0
      ? [
          `pgvigil: never analyzed, so no column statistics: ${unanalyzed.map((t) => `${t.schema}.${t.name}`).join(', ')} (run ANALYZE on the server first).`,
        ]
      : []),
  ];
}

/**
 * `pgvigil stats export --db URL [-o stats.json]`: the planner statistics of a production
 * database, read-only, for `explain --stats` and `advise --stats` on the embedded engine.
 */
export async function statsCommand(args: CliArgs): Promise<CommandResult> {
  const [action, ...extra] = args.positionals;
  if (action !== 'export' || extra.length > 0)
    throw new UsageError(
      'stats takes one action: pgvigil stats export --db postgres://… [-o stats.json] [--schema s] [--table t]',
    );
  if (!args.db)
    throw new UsageError(
      'stats export reads a server’s statistics: give --db postgres://user@host/database.',
    );
  const engine = await openEngine({ db: args.db });
  let stats: StatsFile;
  try {
    stats = await exportStats(engine, { schemas: args.schema, tables: args.tables ?? [] });
  } finally {
    await engine.close();
  }
  return {
    diagnostics: [],
    sources: new Map(),
    filesChecked: 0,
    failOn: 'error',
    document: {
      text: `${JSON.stringify(stats, null, 2)}\n`,
      notes: [...exportNotes(stats, args.output), ...unmatched(stats, args.schema, args.tables ?? [])],
    },
  };
}
