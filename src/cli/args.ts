import { parseArgs } from 'node:util';
import type { Severity } from '../diagnostics/diagnostic.js';
import type { Distribution } from '../explain/distribution.js';
import { parseDistributions, parseRows } from '../explain/synthetic-spec.js';
import { type Format, formats, isFormat } from '../reporters/formats.js';
import { parsePgVersion } from '../static/pg-version.js';
import { STDIN_ARGUMENT } from '../util/stdin.js';
import { countOf, durationMs } from './duration.js';
import { UsageError } from './usage-error.js';

export interface CliArgs {
  readonly command?: string;
  readonly positionals: readonly string[];
  readonly format: Format;
  readonly config?: string;
  readonly schema: readonly string[];
  readonly failOn?: Severity;
  readonly output?: string;
  readonly quiet: boolean;
  readonly color: boolean;
  readonly help: boolean;
  readonly version: boolean;
  /** lint: run every migration in a transaction, or none in one, whatever the tool does. */
  readonly transaction?: 'assume' | 'none';
  /** lint: judge from the parse tree alone, no engine. */
  readonly static: boolean;
  /** lint, check: the lock timeline of every migration, and every lock no rule explained. */
  readonly trace: boolean;
  /** verify: row counts of every table the up step did not create compared after up and down. */
  readonly withData: boolean;
  /** --pg-version as server_version_num (130004): the version the rules' advice follows. */
  readonly pgVersion?: number;
  /** verify: a server URL; the run happens in a scratch database created on it and always dropped. */
  readonly db?: string;
  /** health: every --db given (several databases, checked concurrently). */
  readonly dbs?: readonly string[];
  /** health: a file of connection URLs, one a line (--db-file). */
  readonly dbFile?: string;
  /** explain: statement_timeout for the queries it runs, in ms (--timeout 30s). */
  readonly timeoutMs?: number;
  /** explain: synthetic rows per empty table on the embedded engine (--rows). */
  readonly rows?: number;
  /** explain, advise: synthetic rows of one table (--rows posts=500000), by the name given. */
  readonly tableRows?: ReadonlyMap<string, number>;
  /** explain, advise: how synthetic rows spread over a column (--distribution posts.status=zipf). */
  readonly distributions?: ReadonlyMap<string, Distribution>;
  /** explain, advise: a file of `pgvigil stats export` restored on the embedded engine (--stats). */
  readonly stats?: string;
  /** stats export: only these tables (--table, repeatable). */
  readonly tables?: readonly string[];
  /** advise: the index budget (--max-indexes). */
  readonly maxIndexes?: number;
  /** n1: executions in a row that make an N+1 or a repeated query (--min-repeats). */
  readonly minRepeats?: number;
  /** n1, advise --log: the log_line_prefix of stderr logs, when it is not one of the common ones (--log-prefix). */
  readonly logPrefix?: string;
  /** advise: a PostgreSQL log whose statements are the workload (--log). */
  readonly log?: string;
  /** advise, explain --db without HypoPG: try indexes in a scratch copy of the schema on the server (--scratch). */
  readonly scratch?: boolean;
  /** pooling: the application's folder (code, schema.prisma, .env) (--app). */
  readonly app?: string;
  /** pooling: instances of the application, each opening the pools found (--instances). */
  readonly instances?: number;
  /** pooling: CPU cores of the database server, for the recommended pool size (--server-cores). */
  readonly serverCores?: number;
  /** top: what to rank by (--sort total|mean|calls|rows|reads). */
  readonly sort?: string;
  /** top: how many statements to show (--limit). */
  readonly limit?: number;
  /** top: two snapshots this far apart, ranking what happened in between (--interval 30s); serve: how often the dashboard refreshes. */
  readonly intervalMs?: number;
  /** serve: the address to bind (--host; 127.0.0.1 by default). */
  readonly host?: string;
  /** serve: the port to listen on (--port). */
  readonly port?: number;
}

function pgVersionOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const version = parsePgVersion(text);
  if (version === undefined)
    throw new UsageError(
      `--pg-version ${text} is not a PostgreSQL version; write it as 13, 13.4 or 130004 (9.6 and later).`,
    );
  return version;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];

/**
 * node:util's parse error as one line, naming the option as it is written: its message for a value
 * that starts with a dash (`--format --quiet`) ran over three lines.
 */
function parseErrorLine(error: Error): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /^Option '(?:-\w, )?([^' ]+)(?: <value>)?' argument (missing|is ambiguous)/.exec(
    error.message,
  );
  if (missing?.[2] === 'missing') return `${missing[1]} is missing its value`;
  if (missing) {
    const inline = missing[1]?.startsWith('--') ? ` (a value that does is written ${missing[1]}=-value)` : '';
    return `${missing[1]} is missing its value: the argument after it starts with a dash${inline}`;
  }
  return error.message.replace(/\s*\n\s*/g, ' ').replace(/\.+$/, '');
}

/** An empty log_line_prefix is a real setting; every other option's value cannot be empty. */
const MAY_BE_EMPTY: ReadonlySet<string> = new Set(['log-prefix']);

/**
 * `--db ""`, `-o "$OUT"` with the variable unset: an empty value is a mistake, not the option left
 * out (explain --db "" ran on the embedded engine, -o "" wrote to stdout).
 */
function rejectEmptyValues(values: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(values)) {
    const given = Array.isArray(value) ? value : [value];
    if (!MAY_BE_EMPTY.has(name) && given.some((v) => typeof v === 'string' && v.trim() === ''))
      throw new UsageError(
        `--${name} is given an empty value; give one (an unset shell variable expands to nothing).`,
      );
  }
}

/** Options naming a file of their own, where `-` is no file: standard input is the command's input. */
const OWN_FILE_OPTIONS = ['schema', 'config', 'stats', 'db-file', 'app'] as const;

/**
 * `-` is standard input where a command reads one input (explain's query, a log, a migration or
 * SQL file); it can be read once, and a file option given `-` would look for a file named "-".
 */
function checkStdinArguments(values: ReturnType<typeof parse>['values'], inputs: readonly string[]): void {
  for (const name of OWN_FILE_OPTIONS) {
    const given = values[name];
    if ((Array.isArray(given) ? given : [given]).includes(STDIN_ARGUMENT))
      throw new UsageError(
        `--${name} -: standard input is read only as the command's input (explain's query or plan, a log, a migration or SQL file); give --${name} a file.`,
      );
  }
  if (values.output === STDIN_ARGUMENT)
    throw new UsageError('--output -: the report goes to stdout when --output is left out; give -o a file.');
  const stdin = [...inputs, ...(values.log === undefined ? [] : [values.log])];
  if (stdin.filter((input) => input === STDIN_ARGUMENT).length > 1)
    throw new UsageError('standard input (-) is given twice; it can be read once.');
}

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv, isTty: boolean): CliArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(`${parseErrorLine(error as Error)}. Run pgvigil --help for the options.`);
  }
  const { values, positionals } = parsed;
  rejectEmptyValues(values);
  const format = values.format ?? 'text';
  if (!isFormat(format))
    throw new UsageError(`--format ${format} is not a format; use one of ${formats.join(', ')}.`);
  if (values['fail-on'] !== undefined && !SEVERITIES.includes(values['fail-on'])) {
    throw new UsageError(`--fail-on ${values['fail-on']} is not a severity; use error, warning or info.`);
  }
  if (values['assume-in-transaction'] && values['no-transaction']) {
    throw new UsageError('--assume-in-transaction and --no-transaction contradict each other; give one.');
  }
  const [command, ...rest] = positionals;
  checkStdinArguments(values, rest);
  if (values.static && command === 'check')
    throw new UsageError(
      'check needs the engine (it loads the schema and plans the queries); use pgvigil lint --static for migrations without one.',
    );
  if (values.static && command !== undefined && command !== 'lint')
    throw new UsageError(`--static applies to lint only, not to ${command}.`);
  if (values.trace && values.static)
    throw new UsageError('--trace shows what the engine saw; --static runs no engine. Give one of them.');
  if (values.trace && command !== undefined && command !== 'lint' && command !== 'check')
    throw new UsageError(`--trace applies to lint and check, not to ${command}.`);
  if (values['with-data'] && command !== undefined && command !== 'verify')
    throw new UsageError(`--with-data applies to verify only, not to ${command}.`);
  if (values.db !== undefined && values.static)
    throw new UsageError('--db with --static: static mode reads no database. Drop one of them.');
  const minRepeats = n1Options(values, command);
  const top = topOptions(values, command);
  const pgVersion = pgVersionOf(values['pg-version']);
  return {
    command,
    positionals: rest,
    format,
    config: values.config,
    schema: values.schema ?? [],
    failOn: values['fail-on'] as Severity | undefined,
    output: values.output,
    quiet: values.quiet ?? false,
    color: isTty && !values['no-color'] && env.NO_COLOR === undefined && values.output === undefined,
    help: values.help ?? false,
    version: values.version ?? false,
    transaction: values['assume-in-transaction'] ? 'assume' : values['no-transaction'] ? 'none' : undefined,
    static: values.static ?? false,
    trace: values.trace ?? false,
    withData: values['with-data'] ?? false,
    ...(pgVersion !== undefined && { pgVersion }),
    ...dbOptions(values, command),
    ...(values.timeout !== undefined && { timeoutMs: durationMs(values.timeout, '--timeout') }),
    ...syntheticOptions(values, command),
    ...(values['max-indexes'] !== undefined && { maxIndexes: indexBudget(values['max-indexes']) }),
    ...(minRepeats !== undefined && { minRepeats }),
    ...(values['log-prefix'] !== undefined && { logPrefix: values['log-prefix'] }),
    ...(values.log !== undefined && { log: values.log }),
    ...(values.scratch && { scratch: true }),
    ...top,
    ...poolingOptions(values, command),
    ...serveOptions(values, command),
  };
}

/**
 * --rows (a count, or table=count), --distribution and --stats: synthetic data of explain and
 * advise; --table: stats export. Elsewhere they were ignored without a word (check --rows N).
 */
function syntheticOptions(
  values: {
    readonly rows?: readonly string[];
    readonly distribution?: readonly string[];
    readonly stats?: string;
    readonly table?: readonly string[];
  },
  command: string | undefined,
): Pick<CliArgs, 'rows' | 'tableRows' | 'distributions' | 'stats' | 'tables'> {
  for (const option of ['rows', 'distribution', 'stats'] as const)
    if (
      values[option] !== undefined &&
      command !== undefined &&
      command !== 'explain' &&
      command !== 'advise'
    )
      throw new UsageError(
        `--${option} applies to explain and advise only (the embedded engine's synthetic data), not to ${command}.`,
      );
  if (values.table !== undefined && command !== undefined && command !== 'stats')
    throw new UsageError(`--table applies to stats export only, not to ${command}.`);
  const rows = parseRows(values.rows ?? []);
  if (typeof rows === 'string') throw new UsageError(`${rows}.`);
  const distributions = parseDistributions(values.distribution ?? []);
  if (typeof distributions === 'string') throw new UsageError(`${distributions}.`);
  return {
    ...(rows.rows !== undefined && { rows: rows.rows }),
    ...(rows.tableRows.size > 0 && { tableRows: rows.tableRows }),
    ...(distributions.size > 0 && { distributions }),
    ...(values.stats !== undefined && { stats: values.stats }),
    ...(values.table !== undefined && { tables: values.table }),
  };
}

/** --host and --port belong to serve; a port is a whole number from 0 (any free one) to 65535. */
function serveOptions(
  values: { readonly host?: string; readonly port?: string },
  command: string | undefined,
): Pick<CliArgs, 'host' | 'port'> {
  for (const option of ['host', 'port'] as const)
    if (values[option] !== undefined && command !== undefined && command !== 'serve')
      throw new UsageError(`--${option} applies to serve only, not to ${command}.`);
  const port = values.port === undefined ? undefined : countOf(values.port, '--port');
  if (port !== undefined && port > 65_535)
    throw new UsageError(`--port ${port}: give a port from 0 to 65535.`);
  return {
    ...(values.host !== undefined && { host: values.host }),
    ...(port !== undefined && { port }),
  };
}

/** advise's --max-indexes: a budget of 0 would suggest nothing, like --limit 0 would show nothing. */
function indexBudget(text: string): number {
  const budget = countOf(text, '--max-indexes');
  if (budget === 0) throw new UsageError('--max-indexes 0 would suggest nothing; give at least 1.');
  return budget;
}

/** --sort, --limit and --interval belong to top; a limit of 0 would show nothing. */
function topOptions(
  values: { readonly sort?: string; readonly limit?: string; readonly interval?: string },
  command: string | undefined,
): Pick<CliArgs, 'sort' | 'limit' | 'intervalMs'> {
  for (const option of ['sort', 'limit', 'interval'] as const)
    if (values[option] !== undefined && command !== undefined && command !== 'top') {
      if (command === 'serve' && option !== 'sort') continue;
      throw new UsageError(`--${option} applies to top only, not to ${command}.`);
    }
  const limit = values.limit === undefined ? undefined : countOf(values.limit, '--limit');
  if (limit === 0) throw new UsageError('--limit 0 would show nothing; give at least 1.');
  return {
    ...(values.sort !== undefined && { sort: values.sort }),
    ...(limit !== undefined && { limit }),
    ...(values.interval !== undefined && { intervalMs: durationMs(values.interval, '--interval') }),
  };
}

/**
 * --min-repeats and --log-prefix belong to n1 (--log-prefix also to advise, for its --log); the
 * count needs two executions to be a repeat.
 */
function n1Options(
  values: { readonly 'min-repeats'?: string; readonly 'log-prefix'?: string; readonly log?: string },
  command: string | undefined,
): number | undefined {
  if (values.log !== undefined && command !== undefined && command !== 'advise')
    throw new UsageError(`--log applies to advise only, not to ${command} (n1 takes logs as arguments).`);
  for (const option of ['min-repeats', 'log-prefix'] as const)
    if (values[option] !== undefined && command !== undefined && command !== 'n1') {
      if (option === 'log-prefix' && command === 'advise') continue;
      const also = option === 'log-prefix' ? ' (and to advise --log)' : '';
      throw new UsageError(`--${option} applies to n1 only${also}, not to ${command}.`);
    }
  const text = values['min-repeats'];
  if (text === undefined) return undefined;
  const min = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(min >= 2))
    throw new UsageError(`--min-repeats ${text}: give a whole number of executions, at least 2.`);
  return min;
}

/** --db once for every command; repeated, and --db-file, for health only. */
function dbOptions(
  values: { readonly db?: readonly string[]; readonly 'db-file'?: string },
  command: string | undefined,
): Pick<CliArgs, 'db' | 'dbs' | 'dbFile'> {
  const dbs = values.db ?? [];
  if (command !== undefined && command !== 'health' && command !== 'serve') {
    if (dbs.length > 1) throw new UsageError(`--db is given ${dbs.length} times; ${command} takes one.`);
    if (values['db-file'] !== undefined)
      throw new UsageError(`--db-file applies to health only, not to ${command}.`);
  }
  return {
    ...(dbs[0] !== undefined && { db: dbs[0], dbs }),
    ...(values['db-file'] !== undefined && { dbFile: values['db-file'] }),
  };
}

/** --app, --instances and --server-cores belong to pooling; counts start at 1. */
function poolingOptions(
  values: { readonly app?: string; readonly instances?: string; readonly 'server-cores'?: string },
  command: string | undefined,
): Pick<CliArgs, 'app' | 'instances' | 'serverCores'> {
  for (const option of ['app', 'instances', 'server-cores'] as const)
    if (values[option] !== undefined && command !== undefined && command !== 'pooling')
      throw new UsageError(`--${option} applies to pooling only, not to ${command}.`);
  const instances = values.instances === undefined ? undefined : countOf(values.instances, '--instances');
  const cores =
    values['server-cores'] === undefined ? undefined : countOf(values['server-cores'], '--server-cores');
  if (instances === 0 || cores === 0)
    throw new UsageError(`--${instances === 0 ? 'instances' : 'server-cores'} 0: give at least 1.`);
  return {
    ...(values.app !== undefined && { app: values.app }),
    ...(instances !== undefined && { instances }),
    ...(cores !== undefined && { serverCores: cores }),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      config: { type: 'string' },
      schema: { type: 'string', multiple: true },
      'fail-on': { type: 'string' },
      output: { type: 'string', short: 'o' },
      quiet: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      'assume-in-transaction': { type: 'boolean' },
      'no-transaction': { type: 'boolean' },
      static: { type: 'boolean' },
      trace: { type: 'boolean' },
      'with-data': { type: 'boolean' },
      'pg-version': { type: 'string' },
      db: { type: 'string', multiple: true },
      'db-file': { type: 'string' },
      timeout: { type: 'string' },
      rows: { type: 'string', multiple: true },
      distribution: { type: 'string', multiple: true },
      stats: { type: 'string' },
      table: { type: 'string', multiple: true },
      'max-indexes': { type: 'string' },
      'min-repeats': { type: 'string' },
      'log-prefix': { type: 'string' },
      log: { type: 'string' },
      scratch: { type: 'boolean' },
      sort: { type: 'string' },
      limit: { type: 'string' },
      interval: { type: 'string' },
      app: { type: 'string' },
      instances: { type: 'string' },
      'server-cores': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
