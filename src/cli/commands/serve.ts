import { loadProjectConfig } from '../../config/load-config.js';
import { resolveRuleSettings } from '../../config/rule-settings.js';
import { LIVE_STATEMENT_TIMEOUT_MS } from '../../live/run-health.js';
import { allRuleMetas } from '../../rules/registry.js';
import { DEFAULT_REFRESH_MS, DEFAULT_SERVE_HOST, DEFAULT_SERVE_PORT, startServe } from '../../serve/serve.js';
import type { CliArgs } from '../args.js';
import { UsageError } from '../usage-error.js';
import type { CommandResult } from './check.js';
import { adviceOptions, DEFAULT_TOP_LIMIT } from './top.js';

/** Why the dashboard cannot listen where it was told: a port taken or privileged, an address not this machine's, a host name that does not resolve. */
const LISTEN_FAILURES: ReadonlySet<string> = new Set([
  'EADDRINUSE',
  'EACCES',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** `pgvigil serve --db URL`: the live checks as a local dashboard, until Ctrl-C. */
export async function serveCommand(args: CliArgs): Promise<CommandResult> {
  const urls = args.dbs ?? [];
  if (urls.length === 0)
    throw new UsageError('serve needs a database: pgvigil serve --db postgres://user@host/db (repeatable).');
  if (args.positionals.length > 0) throw new UsageError('serve takes no file or folder, only --db.');
  const loaded = await loadProjectConfig('.', args.config, { rules: allRuleMetas });
  if (loaded.errors.length > 0)
    throw new UsageError(loaded.errors.map((error) => error.userMessage).join('\n'));
  const settings = resolveRuleSettings(loaded.config, allRuleMetas);
  const host = args.host ?? DEFAULT_SERVE_HOST;
  const running = await startServe({
    urls,
    settings,
    timeoutMs: args.timeoutMs ?? LIVE_STATEMENT_TIMEOUT_MS,
    topLimit: args.limit ?? DEFAULT_TOP_LIMIT,
    advice: adviceOptions(settings, args),
    host,
    port: args.port ?? DEFAULT_SERVE_PORT,
    refreshMs: args.intervalMs ?? DEFAULT_REFRESH_MS,
  }).catch((error: { code?: string; message?: string }) => {
    if (error.code !== undefined && LISTEN_FAILURES.has(error.code))
      throw new UsageError(
        `cannot listen on ${host}:${args.port ?? DEFAULT_SERVE_PORT} (${error.code}): pick another --port or --host.`,
      );
    throw error;
  });
  const access = running.tokenRequired ? ' (the token in the address is required: keep it private)' : '';
  process.stderr.write(`pgvigil dashboard at ${running.url}${access}\nRead-only; Ctrl-C stops it.\n`);
  await untilStopped();
  await running.close();
  return { diagnostics: [], sources: new Map(), filesChecked: 0, failOn: 'error', silent: true };
}
