import pg from 'pg';
import { lostConnectionError, toConnectionError } from './connection-error.js';
import { connectionTarget } from './connection-target.js';
import type { Engine } from './engine.js';
import { pgliteCompatibleTypes } from './pg-types.js';
import { SerialQueue } from './serial-queue.js';
import { applySessionSettings, DEFAULT_CONNECT_TIMEOUT_MS, type SessionOptions } from './session-settings.js';
import { runBracketed, transactionBracket } from './transaction-bracket.js';

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

  async query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> {
    const result = await this.exclusive(() =>
      run(this.session, () => this.session.client.query(sql, params)),
    );
    return { rows: result.rows as R[] };
  }

  async exec(sql: string): Promise<void> {
    // Without parameters pg uses the simple query protocol, which accepts several statements.
    await this.exclusive(() => run(this.session, () => this.session.client.query(sql)));
  }

  transaction<T>(fn: (tx: Engine) => Promise<T>, opts?: { rollback?: boolean }): Promise<T> {
    const exec = (sql: string) => run(this.session, () => this.session.client.query(sql));
    const inner = new ServerEngine(this.session, this.depth + 1);
    return this.exclusive(() =>
      runBracketed(exec, transactionBracket(this.depth), () => fn(inner), opts?.rollback === true),
    );
  }

  async resetSession(): Promise<void> {
    await this.exclusive(async () => {
      await this.session.client.query('RESET ALL');
      await applySessionSettings(this.session.client, this.session.options);
    });
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

/** Connects to a PostgreSQL server; connection failures become a one-line ConnectionError. */
export async function openServer(url: string, opts: ServerOptions = {}): Promise<Engine> {
  const connectTimeoutMs = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const client = new pg.Client({
    connectionString: withLibpqSslModes(url),
    connectionTimeoutMillis: connectTimeoutMs,
    types: pgliteCompatibleTypes,
  });
  // A connection lost between queries is reported by the next query; unhandled, this event would crash.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw toConnectionError(error, client, url, connectTimeoutMs);
  }
  try {
    await applySessionSettings(client, opts);
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
      },
      0,
    );
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}
