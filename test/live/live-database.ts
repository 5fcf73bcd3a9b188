import pg from 'pg';
import type { RuleSettings } from '../../src/config/rule-settings.js';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { urlForDatabase } from '../../src/engine/database-url.js';
import type { HealthResult } from '../../src/live/index.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { testServerUrl, uniqueName } from '../support/engines.js';

export interface LiveDatabase {
  readonly name: string;
  /** Superuser URL of the database. */
  readonly url: string;
  /** A plain pg client on it (superuser), for planting problems. Closed by drop(). */
  client(): Promise<pg.Client>;
  drop(): Promise<void>;
}

export function adminUrl(): string {
  const url = testServerUrl();
  if (!url) throw new Error('no test PostgreSQL server in this run');
  return url;
}

export async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A database of its own for one test file: problems planted in it show up in no other test. */
export async function createLiveDatabase(): Promise<LiveDatabase> {
  const name = uniqueName('pgvigil_health');
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = urlForDatabase(adminUrl(), name);
  const clients: pg.Client[] = [];
  return {
    name,
    url,
    async client() {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      clients.push(client);
      return client;
    },
    async drop() {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export function findings(result: HealthResult, rule: string): readonly Diagnostic[] {
  return result.diagnostics.filter((d) => d.rule === rule);
}

/** Rule settings as a config file would give them: defaults, with these thresholds changed. */
export function settingsWith(
  options: Readonly<Record<string, Readonly<Record<string, number>>>>,
): ReadonlyMap<string, RuleSettings> {
  const rules = Object.fromEntries(Object.entries(options).map(([id, values]) => [id, { options: values }]));
  return resolveRuleSettings({ rules }, allRuleMetas);
}

/** Makes this backend's statistics visible to other sessions now (PostgreSQL 15+ flushes lazily). */
export async function flushStats(client: pg.Client): Promise<void> {
  await client.query('SELECT pg_stat_force_next_flush()');
}

/** Waits until the condition holds (a session reached the state a test set up), at most ~5 s. */
export async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not reached within 5 s');
}
