import pg from 'pg';
import { lostConnectionError, toConnectionError } from './connection-error.js';
import { connectionTarget } from './connection-target.js';
import { invalidConnectionUrl, notAConnectionUrl } from './connection-url.js';
import type { Engine } from './engine.js';
import { pgliteCompatibleTypes } from './pg-types.js';
import { SerialQueue } from './serial-queue.js';
import { copyInto } from './server-copy.js';
import {
  applySessionSettings,
  DEFAULT_CONNECT_TIMEOUT_MS,
  readOnlyTransactionStart,
  type SessionOptions,
} from './session-settings.js';
import { runBracketed, type TransactionBracket, transactionBracket } from './transaction-bracket.js';

export {
  APPLICATION_NAME,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  DEFAULT_LOCK_TIMEOUT_MS,
  DEFAULT_STATEMENT_TIMEOUT_MS,
} from './session-settings.js';

export interface ServerOptions extends SessionOptions {
  readonly connectTimeoutMs?: number;
}

interface Session {
  readonly client: pg.Client;
  readonly serverVersion: number;
  /** Top-level work waits here while a transaction owns the connection, as in PGlite. */
  readonly queue: SerialQueue;
  readonly options: SessionOptions;
  /** host:port, for the message when the connection is lost mid-run. */
  readonly where: string;
  /**
   * Read-only sessions keep nothing in the session: every top-level statement runs in its own
   * READ ONLY transaction with the settings LOCAL to it (readOnlyTransactionStart), so pgvigil is
   * safe behind a transaction-mode pooler, where session settings would leak to the application.
   */
  readonly perTransaction: boolean;
}

/** Runs a statement on the session; a connection that died under it becomes a one-line ConnectionError. */
async function run<T>(session: Session, statement: () => Promise<T>): Promise<T> {
  try {
    return await statement();
  } catch (error) {
    throw lostConnectionError(error, session.where) ?? error;
  }
}

/** One pg connection (or an open transaction level on it) as an Engine. */
class ServerEngine implements Engine {
  readonly kind = 'server' as const;
  readonly serverVersion: number;

  constructor(
    private readonly session: Session,
    private readonly depth: number,
  ) {
    this.serverVersion = session.serverVersion;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.depth === 0 ? this.session.queue.run(task) : task();
  }

  /** The statements around this level's transactions: a read-only top level starts its own. */
  private bracket(): TransactionBracket {
    const bracket = transactionBracket(this.depth);
    if (this.depth > 0 || !this.session.perTransaction) return bracket;
    return { ...bracket, begin: readOnlyTransactionStart(this.session.options) };
  }

  /** One statement; at the top of a read-only session, inside a transaction of its own. */
  private statement<T>(send: () => Promise<T>): Promise<T> {
    const direct = () => run(this.session, send);
    if (this.depth > 0 || !this.session.perTransaction) return this.exclusive(direct);
    const exec = (sql: string) => run(this.session, () => this.session.client.query(sql));
    return this.exclusive(() => runBracketed(exec, this.bracket(), direct, false));
  }

  async query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> {
    const result = await this.statement(() => this.session.client.query(sql, params));
    return { rows: result.rows as R[] };
  }

  async exec(sql: string): Promise<void> {
    // Without parameters pg uses the simple query protocol, which accepts several statements.
    await this.statement(() => this.session.client.query(sql));
  }

  async copyFrom(sql: string, data: string): Promise<void> {
    await this.statement(() => copyInto(this.session.client, sql, data));
  }

  transaction<T>(fn: (tx: Engine) => Promise<T>, opts?: { rollback?: boolean }): Promise<T> {
    const exec = (sql: string) => run(this.session, () => this.session.client.query(sql));
    const inner = new ServerEngine(this.session, this.depth + 1);
    return this.exclusive(() => runBracketed(exec, this.bracket(), () => fn(inner), opts?.rollback === true));
  }

  async resetSession(): Promise<void> {
    await this.exclusive(() =>
      run(this.session, async () => {
        await this.session.client.query('RESET ALL');
        if (!this.session.perTransaction)
          await applySessionSettings(this.session.client, this.session.options);
      }),
    );
  }

  async close(): Promise<void> {
    if (this.depth === 0) await this.session.queue.run(() => this.session.client.end());
  }
}

/**
 * A postgres:// URL means libpq semantics to its author: sslmode=require encrypts without verifying the
 * certificate. node-postgres treats it as verify-full (and warns) unless told to follow libpq.
 */
function withLibpqSslModes(url: string): string {
  if (!/[?&]sslmode=/i.test(url) || /[?&]uselibpqcompat=/i.test(url)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}uselibpqcompat=true`;
}

export interface ClientOptions {
  readonly connectTimeoutMs?: number;
}

/** A pg client for the URL, not connected; a URL it cannot read is a ConnectionError, not a TypeError. */
function newClient(url: string, connectTimeoutMs: number): pg.Client {
  const notUrl = notAConnectionUrl(url);
  if (notUrl) throw notUrl;
  try {
    return new pg.Client({
      connectionString: withLibpqSslModes(url),
      connectionTimeoutMillis: connectTimeoutMs,
      types: pgliteCompatibleTypes,
      // No application_name startup parameter: PgBouncer would keep it on the server connection for
      // the application's next client. Read-only sessions set it LOCAL to each transaction instead.
    });
  } catch (error) {
    throw invalidConnectionUrl(url, error);
  }
}

/** A connected pg client; connection failures become a one-line ConnectionError naming where it tried. */
export async function connectClient(url: string, opts: ClientOptions = {}): Promise<pg.Client> {
  const connectTimeoutMs = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const client = newClient(url, connectTimeoutMs);
  // A connection lost between queries is reported by the next query; unhandled, this event would crash.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw toConnectionError(error, client, url, connectTimeoutMs);
  }
  return client;
}

/** Connects to a PostgreSQL server as an Engine; connection failures become a one-line ConnectionError. */
export async function openServer(url: string, opts: ServerOptions = {}): Promise<Engine> {
  const client = await connectClient(url, opts);
  try {
    const perTransaction = opts.readOnly === true;
    if (!perTransaction) await applySessionSettings(client, opts);
    // A plain SELECT of a setting writes nothing and sets nothing: it needs no transaction of its own.
    const { rows } = await client.query<{ v: number }>(
      `SELECT current_setting('server_version_num')::int AS v`,
    );
    return new ServerEngine(
      {
        client,
        serverVersion: rows[0]?.v ?? 0,
        queue: new SerialQueue(),
        options: opts,
        where: connectionTarget(client, url).where,
        perTransaction,
      },
      0,
    );
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}
