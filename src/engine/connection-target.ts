import { userInfo } from 'node:os';

/** What a connection URL points at, without its secrets. */
export interface ConnectionTarget {
  /** "host:port" or "socket /dir/.s.PGSQL.5432" */
  readonly where: string;
  readonly host: string;
  readonly user: string;
  readonly database: string;
  /** Every spelling of the password that could leak into a message (raw and URL-encoded). */
  readonly secrets: readonly string[];
}

const DEFAULT_PORT = '5432';
const MASK = '***';

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'postgres';
  }
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Reads host, port, user and database the way node-postgres does (URL first, then PG* variables). */
export function connectionTarget(url: string): ConnectionTarget {
  const parsed = parse(url);
  const param = (name: string): string | undefined => parsed?.searchParams.get(name) ?? undefined;
  const host = param('host') || decode(parsed?.hostname ?? '') || process.env.PGHOST || 'localhost';
  const port = param('port') || parsed?.port || process.env.PGPORT || DEFAULT_PORT;
  const user = decode(parsed?.username ?? '') || param('user') || process.env.PGUSER || osUser();
  const database =
    decode(parsed?.pathname.slice(1) ?? '') || param('dbname') || process.env.PGDATABASE || user;
  const where = host.startsWith('/') ? `socket ${host}/.s.PGSQL.${port}` : `${host}:${port}`;
  const rawSecrets = [parsed?.password, param('password')].filter((s): s is string => Boolean(s));
  const secrets = [...new Set(rawSecrets.flatMap((s) => [s, decode(s), encodeURIComponent(decode(s))]))];
  return { where, host, user, database, secrets };
}

/** The URL with any password (in the authority or in ?password=) replaced by ***. */
export function redactUrl(url: string): string {
  const parsed = parse(url);
  if (!parsed)
    return url.replace(/(\/\/[^:/@]*:)[^@]*@/, `$1${MASK}@`).replace(/(password=)[^&\s]*/gi, `$1${MASK}`);
  if (parsed.password) parsed.password = MASK;
  for (const key of [...parsed.searchParams.keys()]) {
    if (key.toLowerCase() === 'password') parsed.searchParams.set(key, MASK);
  }
  return parsed.toString().replace(encodeURIComponent(MASK), MASK);
}

/** Removes every spelling of the target's password from text we are about to show. */
export function scrubSecrets(text: string, target: ConnectionTarget): string {
  return target.secrets.reduce((out, secret) => out.split(secret).join(MASK), text);
}
