import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { redactUrl } from '../engine/connection-target.js';
import { banNamedPreparedStatement } from '../rules/pooling/ban-named-prepared-statement.js';
import { banSessionSet } from '../rules/pooling/ban-session-set.js';
import { codeFilesIn, isCodeFile } from '../sources/code/code-files.js';
import { initSql } from '../sql/parser.js';
import { isStdin, readInputText } from '../util/stdin.js';
import type { AppPool } from './app-pool.js';
import { codeDrivers } from './code-drivers.js';
import { codeFeatures } from './code-features.js';
import { detectionDiagnostic } from './detection-diagnostic.js';
import { codeDriverFindings, prismaFindings } from './driver-findings.js';
import { filesUnder } from './files-under.js';
import { logFeatures } from './log-features.js';
import { readPgBouncerConsole } from './pgbouncer-console.js';
import { poolSizing } from './pool-sizing.js';
import { openPooledSession } from './pooled-session.js';
import { combine, type PoolerDetection } from './pooler-detection.js';
import { type PrismaDatasource, prismaDatasources, prismaPool } from './prisma-datasource.js';
import { probePooler } from './probe-pooler.js';
import { readServerConnections, type ServerConnections } from './server-connections.js';
import { severityFor } from './severity.js';
import { sqlFileFeatures, sqlFilesAt } from './sql-file-features.js';
import { isPgBouncerConsole, urlHints } from './url-hints.js';

export interface PoolingOptions {
  /** The database URL the application uses (through its pooler, if any), or PgBouncer's admin console. */
  readonly db?: string;
  /** The application's folder: JavaScript/TypeScript code, schema.prisma, .env. */
  readonly app?: string;
  /** PostgreSQL logs (stderr, csvlog, jsonlog) whose statements are checked. */
  readonly logs?: readonly string[];
  /** SQL files or folders of them. */
  readonly sql?: readonly string[];
  /** Instances of the application that each open the pools found (default 1). */
  readonly instances?: number;
  /** CPU cores of the database server, for the cores × 2 rule of thumb. */
  readonly serverCores?: number;
  /** log_line_prefix of stderr logs, when not a common one. */
  readonly logPrefix?: string;
  /** Server connections per core for the recommendation (pool-size-recommendation's threshold). */
  readonly connectionsPerCore?: number;
}

export interface PoolingReport {
  readonly detection: PoolerDetection;
  readonly pools: readonly AppPool[];
  readonly server?: ServerConnections;
  readonly diagnostics: readonly Diagnostic[];
  /** Text of every file a finding points into, for reporters. */
  readonly sources: ReadonlyMap<string, string>;
  readonly filesChecked: number;
}

/** A path the user gave that does not exist, or no input at all. */
export class PoolingInputError extends Error {}

async function mustExist(path: string, what: string): Promise<void> {
  if (!isStdin(path) && !(await stat(path).catch(() => undefined)))
    throw new PoolingInputError(`not found: ${path}; give an existing ${what}.`);
}

/** What the live database says: the pooler in front, and the server's connections (not through the console). */
async function liveFacts(db: string): Promise<{ detection: PoolerDetection; server?: ServerConnections }> {
  if (isPgBouncerConsole(db)) return { detection: combine(urlHints(db), await readPgBouncerConsole(db)) };
  const detection = combine(urlHints(db), await probePooler(db));
  const session = await openPooledSession(db);
  try {
    return { detection, server: await readServerConnections(session) };
  } finally {
    await session.close();
  }
}

interface AppFacts {
  readonly code: readonly string[];
  readonly datasources: readonly PrismaDatasource[];
}

const isPrismaSchema = (path: string): boolean => path.endsWith('.prisma');

async function appFacts(app: string | undefined): Promise<AppFacts> {
  if (!app) return { code: [], datasources: [] };
  await mustExist(app, 'application folder');
  const isDir = (await stat(app)).isDirectory();
  // Anything else would be read as nothing at all: "no problems in 0 files".
  if (!isDir && !isCodeFile(app) && !isPrismaSchema(app))
    throw new PoolingInputError(
      `${app} is neither a folder, a JavaScript/TypeScript file nor a .prisma schema; --app takes the application's folder.`,
    );
  const code = isDir ? await codeFilesIn(app) : isCodeFile(app) ? [app] : [];
  const schemas = await filesUnder(app, isPrismaSchema);
  const datasources = (
    await Promise.all(schemas.filter(isPrismaSchema).map((f) => prismaDatasources(f, app)))
  ).flat();
  return { code, datasources };
}

/**
 * `pgvigil pooling`: the pooler in front of the database (and how sure), the session features that
 * break behind a transaction-mode pooler in SQL files, logs and code, the driver settings to change,
 * and the pool sizes against the server's limit. Read-only on the database.
 */
export async function runPooling(options: PoolingOptions): Promise<PoolingReport> {
  const { db, app, logs = [], sql = [] } = options;
  if (!db && !app && logs.length === 0 && sql.length === 0)
    throw new PoolingInputError(
      'pooling needs something to look at: --db <url>, --app <dir>, or log files, SQL files or folders as arguments (- for SQL on standard input).',
    );
  for (const log of logs) await mustExist(log, 'log file');
  for (const path of sql) await mustExist(path, 'SQL file or folder');
  await initSql();
  const facts = await appFacts(app);
  const live = db ? await liveFacts(db) : undefined;
  // The database given is the one judged; without it, the URLs the application reads stand in.
  const detection =
    live?.detection ?? combine(...facts.datasources.flatMap((ds) => (ds.url ? [urlHints(ds.url)] : [])));
  const severity = severityFor(banSessionSet.meta, detection);
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  if (db || detection.evidence.length > 0)
    diagnostics.push(detectionDiagnostic(detection, db ? redactUrl(db) : "the application's database"));
  const sqlFiles = await Promise.all(sql.map((path) => (isStdin(path) ? [path] : sqlFilesAt(path))));
  for (const file of sqlFiles.flat()) {
    const text = await readInputText(file);
    sources.set(file, text);
    diagnostics.push(...sqlFileFeatures(file, text, severity));
  }
  for (const log of logs)
    diagnostics.push(
      ...(
        await logFeatures(log, severity, options.logPrefix === undefined ? {} : { prefix: options.logPrefix })
      ).diagnostics,
    );
  const pools: AppPool[] = facts.datasources.map(prismaPool);
  for (const file of facts.code) {
    const text = await readFile(file, 'utf8');
    const drivers = codeDrivers(file, text);
    const found = [
      ...codeFeatures(file, text, severity),
      ...codeDriverFindings(file, drivers, detection, severityFor(banNamedPreparedStatement, detection)),
    ];
    pools.push(...drivers.pools);
    if (found.length > 0) sources.set(file, text);
    diagnostics.push(...found);
  }
  diagnostics.push(...prismaFindings(facts.datasources, detection));
  diagnostics.push(
    ...poolSizing({
      pools,
      instances: options.instances ?? 1,
      detection,
      ...(live?.server && { server: live.server }),
      ...(options.serverCores !== undefined && { serverCores: options.serverCores }),
      ...(options.connectionsPerCore !== undefined && { connectionsPerCore: options.connectionsPerCore }),
    }),
  );
  return {
    detection,
    pools,
    ...(live?.server && { server: live.server }),
    diagnostics,
    sources,
    filesChecked: sources.size + logs.length,
  };
}
