import type { PoolerDetection, PoolerEvidence } from './pooler-detection.js';

/** Supabase's Supavisor: port 6543 pools by transaction, 5432 on the same host by session. */
const SUPAVISOR_HOST = /\.pooler\.supabase\.com$/i;
const SUPAVISOR_TRANSACTION_PORT = 6543;
const PGBOUNCER_DEFAULT_PORT = 6432;

interface UrlParts {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly params: URLSearchParams;
}

function partsOf(url: string): UrlParts | undefined {
  try {
    const parsed = new URL(url);
    if (!/^postgres(ql)?:$/i.test(parsed.protocol)) return undefined;
    return {
      host: parsed.hostname,
      port: Number(parsed.port || 5432),
      database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
      params: parsed.searchParams,
    };
  } catch {
    return undefined;
  }
}

/** The URL names PgBouncer's admin console (database `pgbouncer`). */
export function isPgBouncerConsole(url: string): boolean {
  return partsOf(url)?.database === 'pgbouncer';
}

/** What a connection string alone says about a pooler; nothing is connected to. */
export function urlHints(url: string): PoolerDetection {
  const parts = partsOf(url);
  if (!parts) return { evidence: [] };
  const evidence: PoolerEvidence[] = [];
  const say = (says: string): void => {
    evidence.push({ source: 'url', says });
  };
  const supavisorHost = SUPAVISOR_HOST.test(parts.host);
  if (supavisorHost) say(`host ${parts.host} is Supabase's pooler (Supavisor)`);
  if (parts.port === SUPAVISOR_TRANSACTION_PORT)
    say(`port ${SUPAVISOR_TRANSACTION_PORT} is Supavisor's transaction-mode port`);
  if (parts.port === PGBOUNCER_DEFAULT_PORT)
    say(`port ${PGBOUNCER_DEFAULT_PORT} is PgBouncer's default port`);
  if (parts.params.get('pgbouncer') === 'true')
    say("the URL says pgbouncer=true (Prisma's flag for a transaction pooler)");
  const mode = parts.params.get('pool_mode') ?? parts.params.get('pool-mode');
  if (mode) say(`the URL says pool_mode=${mode}`);
  if (evidence.length === 0) return { evidence };
  const transaction =
    mode === 'transaction' ||
    parts.port === SUPAVISOR_TRANSACTION_PORT ||
    parts.params.get('pgbouncer') === 'true';
  const kind =
    supavisorHost || parts.port === SUPAVISOR_TRANSACTION_PORT
      ? 'Supavisor'
      : parts.port === PGBOUNCER_DEFAULT_PORT || parts.params.has('pgbouncer')
        ? 'PgBouncer'
        : 'unknown pooler';
  const sessionPort = supavisorHost && parts.port !== SUPAVISOR_TRANSACTION_PORT;
  return {
    kind,
    mode: mode === 'session' || sessionPort ? 'session' : transaction ? 'transaction' : 'unknown',
    confidence: transaction || sessionPort ? 'likely' : 'possible',
    evidence,
  };
}
