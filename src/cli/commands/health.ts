import { readFile } from 'node:fs/promises';
import { loadProjectConfig } from '../../config/load-config.js';
import { resolveRuleSettings } from '../../config/rule-settings.js';
import { notAConnectionUrl } from '../../engine/connection-url.js';
import { describeServers } from '../../live/describe-servers.js';
import { HealthError, LIVE_STATEMENT_TIMEOUT_MS, runHealth } from '../../live/index.js';
import { allRuleMetas } from '../../rules/registry.js';
import type { CliArgs } from '../args.js';
import { UsageError } from '../usage-error.js';
import type { CommandResult } from './check.js';

const DB_FILE = '--db-file takes a file of connection URLs, one a line';

/** A file of connection URLs: one a line; blank lines and # comments are skipped. */
async function readUrlFile(path: string): Promise<readonly string[]> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EISDIR') throw new UsageError(`${path} is a directory; ${DB_FILE}.`);
    throw new UsageError(`not found: ${path}; ${DB_FILE}.`);
  });
  const urls: string[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const problem = notAConnectionUrl(line);
    if (problem) throw new UsageError(`${path}:${index + 1}: ${problem.userMessage}`);
    urls.push(line);
  }
  if (urls.length === 0) throw new UsageError(`${path} holds no connection URL; write one a line.`);
  return urls;
}

/** `pgvigil health --db URL [--db URL]... [--db-file urls.txt]`: what will page you at 3am, read-only. */
export async function healthCommand(args: CliArgs): Promise<CommandResult> {
  if (args.positionals.length > 0)
    throw new UsageError(
      'health takes no arguments; give the databases with --db URL (repeatable) or --db-file urls.txt.',
    );
  const urls = [...(args.dbs ?? []), ...(args.dbFile ? await readUrlFile(args.dbFile) : [])];
  if (urls.length === 0)
    throw new UsageError(
      'health needs a database: --db postgres://user@host/db (repeatable) or --db-file urls.txt.',
    );
  const loaded = await loadProjectConfig('.', args.config, { rules: allRuleMetas });
  if (loaded.errors.length > 0)
    throw new UsageError(loaded.errors.map((error) => error.userMessage).join('\n'));
  try {
    const result = await runHealth(urls, {
      settings: resolveRuleSettings(loaded.config, allRuleMetas),
      statementTimeoutMs: args.timeoutMs ?? LIVE_STATEMENT_TIMEOUT_MS,
    });
    return {
      diagnostics: result.diagnostics,
      sources: new Map(),
      filesChecked: result.servers.length,
      failOn: args.failOn ?? loaded.config.failOn,
      preface: `${describeServers(result).join('\n')}\n\n`,
    };
  } catch (error) {
    if (error instanceof HealthError) throw new UsageError(error.userMessage);
    throw error;
  }
}
