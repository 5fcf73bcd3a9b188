import {
  type ConnectionTarget,
  connectionTarget,
  type ResolvedParameters,
  scrubSecrets,
} from './connection-target.js';

export { redactUrl } from './connection-target.js';

/** A connection failure explained in one line: where, why, and what to do. Never contains the password. */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';

  constructor(
    readonly userMessage: string,
    /** The underlying error code (SQLSTATE or Node errno), for programs. */
    readonly code: string | undefined,
  ) {
    super(userMessage);
  }
}

interface ErrorShape {
  readonly code?: string;
  readonly message?: string;
  readonly errors?: readonly ErrorShape[];
}

// Node's happy-eyeballs connect reports an AggregateError whose members carry the real errno.
function errnoOf(error: ErrorShape): string | undefined {
  return error.code ?? error.errors?.find((e) => e.code)?.code;
}

function explain(error: ErrorShape, t: ConnectionTarget, connectTimeoutMs: number): string {
  const code = errnoOf(error);
  const message = error.message ?? '';
  const user = `user "${t.user}"`;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused: is PostgreSQL running and listening on that host and port?';
    case 'ENOENT':
      return 'no server socket there: is PostgreSQL running, and is the socket directory right?';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `unknown host "${t.host}": check the host name in the connection URL`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `host unreachable (${code}): check the host, the network and any firewall`;
    case '28P01':
      return `password authentication failed for ${user}: check the user and password in the URL (or PGPASSWORD)`;
    case '3D000':
      return `database "${t.database}" does not exist: check the database name in the URL`;
    case '28000':
      if (/no pg_hba\.conf entry.*(no encryption|SSL off)/i.test(message)) {
        return `the server requires TLS for ${user}: add ?sslmode=require to the URL`;
      }
      return `the server's pg_hba.conf refuses ${user} on database "${t.database}" from this host: ask the database administrator for access`;
    case '53300':
      return 'too many connections on the server: retry later or raise max_connections';
    case '57P03':
      return 'the server is starting up or shutting down: retry in a moment';
  }
  if (/does not support SSL/i.test(message)) {
    return 'the server does not accept TLS but the URL asks for it: remove sslmode=require or use sslmode=prefer';
  }
  if (/client password must be/i.test(message)) {
    return `the server wants a password for ${user} and none was given: put it in the URL or set PGPASSWORD`;
  }
  if (/timeout expired|connection timeout/i.test(message)) {
    return `no answer within ${connectTimeoutMs} ms: check host, port and firewall, or raise the connect timeout`;
  }
  if (/self[- ]signed|certificate/i.test(message)) {
    return `TLS certificate rejected (${message}): use sslmode=require to skip verification, or provide the CA with sslrootcert`;
  }
  return `${message.split('\n')[0] || 'unknown error'}${code ? ` (${code})` : ''}`;
}

/** Turns whatever pg or Node threw while connecting into a ConnectionError naming where it tried to go. */
export function toConnectionError(
  error: unknown,
  params: ResolvedParameters,
  url: string,
  connectTimeoutMs: number,
): ConnectionError {
  const target = connectionTarget(params, url);
  const shape: ErrorShape = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const line = `cannot connect to ${target.where}: ${explain(shape, target, connectTimeoutMs)}`;
  return new ConnectionError(scrubSecrets(line, target), errnoOf(shape));
}

/** SQLSTATEs and errnos that mean the session is gone, not that a statement failed. */
const LOST_CODES: Readonly<Record<string, string>> = {
  '57P01': 'the session was terminated (pg_terminate_backend) or the server is shutting down',
  '57P02': 'the server crashed and is restarting',
  '57P03': 'the server is shutting down or starting up',
  '08000': 'the connection failed',
  '08003': 'the connection no longer exists',
  '08006': 'the connection failed',
  ECONNRESET: 'the connection was reset (server stopped or network)',
  EPIPE: 'the connection was closed (server stopped or network)',
  ETIMEDOUT: 'the connection timed out (network)',
};

/**
 * A ConnectionError when a query failed because the connection died under it (server stopped, backend
 * terminated, network reset); undefined for every other failure, which the caller handles as before.
 */
export function lostConnectionError(error: unknown, where: string): ConnectionError | undefined {
  const shape: ErrorShape = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const code = errnoOf(shape);
  const terminated = /^Connection terminated|is not queryable/i.test(shape.message ?? '');
  const reason = (code && LOST_CODES[code]) ?? (terminated ? 'the server closed the connection' : undefined);
  if (!reason) return undefined;
  return new ConnectionError(
    `lost the connection to ${where} mid-run: ${reason}. Results are incomplete: run again when the server is back.`,
    code,
  );
}
