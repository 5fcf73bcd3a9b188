import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import { openPglite } from '../engine/pglite.js';
import { extensionsCreatedIn } from '../engine/pglite-extensions.js';
import { openServer } from '../engine/server.js';
import { readTableSizes, type TableSizes } from '../migrate/table-sizes.js';
import { applyFile } from '../project/apply-file.js';
import { trackOrigins } from '../project/origins.js';
import { readSqlFile, type SqlFile } from '../project/sql-file.js';
import type { Distribution } from './distribution.js';
import { prepareEmbeddedData } from './embedded-data.js';

export const DEFAULT_SYNTHETIC_ROWS = 10_000;

export interface ExplainEngineOptions {
  readonly db?: string;
  readonly schemaFiles: readonly string[];
  readonly timeoutMs: number;
  /** Synthetic rows put in each table the schema files leave empty (embedded engine only). */
  readonly rowsPerTable: number;
  /** --rows posts=500000: rows per table, by the name given (embedded engine only). */
  readonly tableRows?: ReadonlyMap<string, number>;
  /** --distribution posts.status=zipf: by "table.column" as given (embedded engine only). */
  readonly distributions?: ReadonlyMap<string, Distribution>;
  /** rowsPerTable is the default, lowered to fit the row budget on a schema of many tables (row-budget.ts). */
  readonly rowsPerTableIsDefault?: boolean;
  /** Where the counts were given (`--rows`, `data.rows in pgvigil.config.json`), named when they are refused. */
  readonly rowsGivenBy?: string;
  /** --stats: a file of `pgvigil stats export`, restored over the synthetic rows (embedded engine only). */
  readonly statsFile?: string;
}

export interface ExplainEngine {
  readonly engine: Engine;
  /** Writes run (rolled back) only on the embedded engine: a --db session is read-only. */
  readonly writesAllowed: boolean;
  readonly tableSizes?: TableSizes;
  /** The schema files as loaded, with what PostgreSQL refused in them. */
  readonly loaded: readonly SqlFile[];
  /** What the plans ran on, in words, for the report. */
  readonly notes: readonly string[];
  /** Plan only, never run: production statistics over synthetic rows would be measured against the synthetic rows. */
  readonly estimatesOnly?: boolean;
}

const LOAD_CONTEXT =
  'The statements after it ran without its effect, so the plans may differ from production.';

async function embedded(options: ExplainEngineOptions): Promise<ExplainEngine> {
  const texts = await Promise.all(options.schemaFiles.map((file) => readFile(file, 'utf8')));
  const engine = await openPglite({ extensions: extensionsCreatedIn(texts) });
  try {
    const tracker = await trackOrigins(engine);
    const loaded: SqlFile[] = [];
    for (const file of options.schemaFiles)
      loaded.push(await applyFile(engine, await readSqlFile(file), tracker, LOAD_CONTEXT));
    const data = await prepareEmbeddedData(engine, options, options.statsFile);
    const notes = [
      `Embedded PostgreSQL ${Math.floor(engine.serverVersion / 10000)} (PGlite)${options.schemaFiles.length ? ` loaded with ${options.schemaFiles.join(', ')}` : ''}.`,
      ...data.notes,
    ];
    return { engine, writesAllowed: true, loaded, notes, estimatesOnly: data.estimatesOnly };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

/** The engine explain plans on: the --db server, read-only, or PGlite with the schema and synthetic rows. */
export async function openExplainEngine(options: ExplainEngineOptions): Promise<ExplainEngine> {
  if (!options.db) return embedded(options);
  const engine = await openServer(options.db, { readOnly: true, statementTimeoutMs: options.timeoutMs });
  try {
    const tableSizes = await readTableSizes(engine);
    const version = Math.floor(engine.serverVersion / 10000);
    const notes = [
      `PostgreSQL ${version} server, read-only session, statement_timeout ${options.timeoutMs} ms; every statement ran in a transaction that was rolled back.`,
    ];
    return { engine, writesAllowed: false, tableSizes, loaded: [], notes };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

export function loadProblems(explainEngine: ExplainEngine): Diagnostic[] {
  return explainEngine.loaded.flatMap((file) => file.diagnostics);
}
