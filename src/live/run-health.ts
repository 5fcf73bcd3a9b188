import { runSchemaRules } from '../check/schema-analysis.js';
import { type RuleSettings, resolveRuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ConnectionError } from '../engine/connection-error.js';
import { openServer } from '../engine/server.js';
import type { LiveRule } from '../rules/live/live-rule.js';
import { liveRules } from '../rules/live/live-rules.js';
import { schemaRules } from '../rules/registry.js';
import { stampFinding } from '../rules/stamp-finding.js';
import { initSql } from '../sql/parser.js';
import { groupByDatabase, primaryOf } from './database-groups.js';
import { databaseLabel } from './database-label.js';
import { explainFailure, HealthError } from './health-error.js';
import { collectLiveFacts, type LiveFacts } from './live-facts.js';
import type { Skipped } from './readout.js';

/** Live commands are interactive and run against production: a statement that takes longer is stopped. */
export const LIVE_STATEMENT_TIMEOUT_MS = 5_000;
/** Catalog reads take ACCESS SHARE at most; they give up rather than queue behind a migration's lock. */
export const LIVE_LOCK_TIMEOUT_MS = 1_000;

export { HealthError } from './health-error.js';

export interface HealthOptions {
  /** Rule settings after the config; default: every rule with its defaults. */
  readonly settings?: ReadonlyMap<string, RuleSettings>;
  readonly statementTimeoutMs?: number;
  readonly lockTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
}

/** One URL's summary: what was checked and what could not be. */
export interface ServerHealth {
  readonly target: string;
  readonly database: string;
  readonly serverVersion: number;
  readonly inRecovery: boolean;
  /** Seconds since the statistics were reset; null when never reset. */
  readonly statsAgeSeconds: number | null;
  readonly skipped: readonly Skipped[];
  readonly connections: Connections;
}

/** Client connections of the whole server right now, against what clients may open. */
export interface Connections {
  readonly used: number;
  /** max_connections minus the slots reserved for superusers (and pg_use_reserved_connections, 16+). */
  readonly usable: number;
  /** This role's view of the sessions by state ("hidden" where it may not see another role's). */
  readonly byState: Readonly<Record<string, number>>;
  /** Sessions waiting for a lock another session holds. */
  readonly waiting: number;
}

function connectionsOf(facts: LiveFacts): Connections {
  const byState: Record<string, number> = {};
  for (const session of facts.sessions) {
    const state = session.hidden ? 'hidden' : (session.state ?? 'unknown');
    byState[state] = (byState[state] ?? 0) + 1;
  }
  const { maxConnections, superuserReserved, reserved, clientConnections } = facts.database;
  return {
    used: clientConnections,
    usable: maxConnections - superuserReserved - reserved,
    byState,
    waiting: facts.sessions.filter((session) => session.blockedBy.length > 0).length,
  };
}

export interface HealthResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly servers: readonly ServerHealth[];
  /** Some view could not be read with the role given (see each server's skipped list). */
  readonly partial: boolean;
}

async function checkServer(url: string, options: HealthOptions): Promise<LiveFacts> {
  const statementTimeoutMs = options.statementTimeoutMs ?? LIVE_STATEMENT_TIMEOUT_MS;
  const target = databaseLabel(url);
  const failure = (error: unknown): Error =>
    error instanceof ConnectionError
      ? error
      : new HealthError(`${target}: ${explainFailure(error, statementTimeoutMs)}`);
  const engine = await openServer(url, {
    readOnly: true,
    statementTimeoutMs,
    lockTimeoutMs: options.lockTimeoutMs ?? LIVE_LOCK_TIMEOUT_MS,
    ...(options.connectTimeoutMs !== undefined && { connectTimeoutMs: options.connectTimeoutMs }),
  }).catch((error: unknown) => {
    throw failure(error);
  });
  try {
    return await collectLiveFacts(engine, target);
  } catch (error) {
    throw failure(error);
  } finally {
    await engine.close();
  }
}

function judge(
  rule: LiveRule,
  settings: ReadonlyMap<string, RuleSettings>,
  facts: LiveFacts,
  group: readonly LiveFacts[],
): Diagnostic[] {
  const setting = settings.get(rule.meta.id);
  if (setting && !setting.enabled) return [];
  const thresholds = setting?.thresholds ?? {};
  return rule.check({ facts, group, thresholds }).map((finding) => stampFinding(rule.meta, setting, finding));
}

function judgeGroup(group: readonly LiveFacts[], settings: ReadonlyMap<string, RuleSettings>): Diagnostic[] {
  const primary = primaryOf(group);
  const schema = runSchemaRules(schemaRules, settings, primary.catalog, () => undefined).map((d) => ({
    ...d,
    file: primary.target,
  }));
  return [
    ...schema,
    ...liveRules.filter((r) => r.scope === 'database').flatMap((r) => judge(r, settings, primary, group)),
    ...group.flatMap((member) =>
      liveRules.filter((r) => r.scope === 'server').flatMap((r) => judge(r, settings, member, [member])),
    ),
  ];
}

const SEVERITY_RANK: Readonly<Record<Diagnostic['severity'], number>> = { error: 0, warning: 1, info: 2 };

/** What will page you first comes first: errors, then warnings, then information (stable within each). */
function ranked(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  return [...diagnostics].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

function defaultSettings(): ReadonlyMap<string, RuleSettings> {
  return resolveRuleSettings(
    { rules: {} },
    [...schemaRules, ...liveRules].map((rule) => rule.meta),
  );
}

/**
 * Checks every URL concurrently (one read-only connection each) and judges the schema rules and the
 * live rules on what they show. URLs of one database (a primary and its replicas) are judged together:
 * schema and table rules once, on the primary; an index counts as unused only when no server scanned it.
 * A connection failure throws ConnectionError, any other failure HealthError: one line, no password.
 */
export async function runHealth(urls: readonly string[], options: HealthOptions = {}): Promise<HealthResult> {
  // Schema rules read expressions (index predicates) with the real parser.
  const [settled] = await Promise.all([
    Promise.allSettled(urls.map((url) => checkServer(url, options))),
    initSql(),
  ]);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    const reason: unknown = failed.reason;
    throw reason instanceof ConnectionError || reason instanceof HealthError
      ? reason
      : new HealthError(reason instanceof Error ? reason.message : String(reason));
  }
  const servers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const settings = options.settings ?? defaultSettings();
  return {
    diagnostics: ranked(groupByDatabase(servers).flatMap((group) => judgeGroup(group, settings))),
    servers: servers.map((facts) => ({
      target: facts.target,
      database: facts.database.database,
      serverVersion: facts.serverVersion,
      inRecovery: facts.database.inRecovery,
      statsAgeSeconds: facts.database.statsAgeSeconds,
      skipped: facts.skipped,
      connections: connectionsOf(facts),
    })),
    partial: servers.some((facts) => facts.skipped.length > 0),
  };
}
