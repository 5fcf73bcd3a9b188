import { ConnectionError } from './connection-error.js';
import { redactUrl } from './connection-target.js';

export const URL_SHAPE = 'postgres://user:password@host:5432/database';

/**
 * What node-postgres reads as a server address: a postgres:// or postgresql:// URL, a socket: URL
 * or a socket directory. Anything else it resolves against a dummy base and goes looking for a host
 * called "base".
 */
const CONNECTION_URL = /^(?:postgres(?:ql)?:\/\/|socket:|\/)/i;

/**
 * A one-line ConnectionError when `url` cannot be a connection URL (empty, a key=value string, a
 * note); undefined when it can. The string itself is not repeated: a key=value one may hold a password.
 */
export function notAConnectionUrl(url: string): ConnectionError | undefined {
  if (url.trim() === '')
    return new ConnectionError(`the connection URL is empty: give one such as ${URL_SHAPE}.`, undefined);
  if (CONNECTION_URL.test(url)) return undefined;
  return new ConnectionError(
    `the connection string is not a postgres:// URL: write it as ${URL_SHAPE} (key=value strings are not read).`,
    undefined,
  );
}

/** The ConnectionError for a URL node-postgres could not parse (a bad port, an unclosed [): the URL without its password. */
export function invalidConnectionUrl(url: string, error: unknown): ConnectionError {
  const code = (error as { code?: unknown } | undefined)?.code;
  return new ConnectionError(
    `${redactUrl(url)} is not a valid connection URL: write it as ${URL_SHAPE}, with @ : / # ? or % in the password percent-encoded.`,
    typeof code === 'string' ? code : undefined,
  );
}
