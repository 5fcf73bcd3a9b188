/** What a connection points at, without its secrets. */
export interface ConnectionTarget {
  /** "host:port" or "socket /dir/.s.PGSQL.5432" */
  readonly where: string;
  readonly host: string;
  readonly user: string;
  readonly database: string;
  /** Every spelling of the password that could leak into a message (raw and URL-encoded). */
  readonly secrets: readonly string[];
}

/** The connection parameters as node-postgres resolved them (URL, then PG* variables, then defaults). */
export interface ResolvedParameters {
  readonly host: string;
  readonly port: number;
  readonly user?: string;
  readonly database?: string;
  readonly password?: unknown;
}

const MASK = '***';

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function spellings(secret: string): string[] {
  return [secret, decode(secret), encodeURIComponent(secret)];
}

/**
 * The password of `//user:password@`: up to the last @, since a password written with an @ in it
 * unencoded (p@ss) ends there for the URL parser too. An @ later in the query makes it mask more, never less.
 */
const AUTHORITY_PASSWORD = /(\/\/[^:/@]*:)(.*)@/;

// Non-URL strings and URLs with a user but no host (socket URLs) do not parse; the regex fallback still
// finds a password.
function passwordsInUrl(url: string): string[] {
  const fromAuthority = AUTHORITY_PASSWORD.exec(url)?.[2];
  const fromQuery = [...url.matchAll(/[?&]password=([^&\s]*)/gi)].map((m) => m[1] ?? '');
  return [fromAuthority ?? '', ...fromQuery].filter(Boolean);
}

export function connectionTarget(params: ResolvedParameters, url: string): ConnectionTarget {
  const host = params.host || 'localhost';
  const where = host.startsWith('/') ? `socket ${host}/.s.PGSQL.${params.port}` : `${host}:${params.port}`;
  const user = params.user ?? '';
  const password = typeof params.password === 'string' ? [params.password] : [];
  const secrets = [...new Set([...password, ...passwordsInUrl(url)].flatMap(spellings))].filter(Boolean);
  return { where, host, user, database: params.database ?? user, secrets };
}

/** The URL with any password (in the authority or in ?password=) replaced by ***. */
export function redactUrl(url: string): string {
  return url.replace(AUTHORITY_PASSWORD, `$1${MASK}@`).replace(/([?&]password=)[^&\s]*/gi, `$1${MASK}`);
}

/** Removes every spelling of the password from text we are about to show. */
export function scrubSecrets(text: string, target: ConnectionTarget): string {
  return target.secrets.reduce((out, secret) => out.split(secret).join(MASK), text);
}
