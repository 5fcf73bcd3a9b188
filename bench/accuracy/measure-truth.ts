/**
 * Measures what PostgreSQL 15 does with every accuracy case and writes truth.json:
 *   node --import tsx bench/accuracy/measure-truth.ts [case ...]
 * Naming cases prints their facts instead of writing the file.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startCluster } from '../../test/support/pg-cluster.js';
import { readCases } from './case-file.js';
import { measureCase } from './measure-case.js';
import { TRUTH_FILE } from './truth-file.js';
import type { CaseTruth, TruthFile } from './truth-model.js';

async function prepare(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Autovacuum and autoanalyze would add their own scans to the statistics a case reads.
    await client.query('ALTER SYSTEM SET autovacuum = off');
    await client.query('SELECT pg_reload_conf()');
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return `PostgreSQL ${rows[0]?.v ?? '?'}`;
  } finally {
    await client.end();
  }
}

const wanted = process.argv.slice(2);
const cases = readCases().filter((c) => wanted.length === 0 || wanted.includes(c.name));
const cluster = await startCluster();
process.once('exit', () => cluster.stop());
try {
  const server = await prepare(cluster.url);
  if (!server.startsWith('PostgreSQL 15'))
    process.stderr.write(`measure-truth: the truth is defined on PostgreSQL 15, this is ${server}\n`);
  const measured: CaseTruth[] = [];
  for (const c of cases) {
    process.stderr.write(`measure-truth: ${c.name}\n`);
    measured.push(await measureCase(cluster.url, c));
  }
  const truth: TruthFile = { server: server.replace(/ \(.*\)$/, ''), cases: measured };
  const json = `${JSON.stringify(wanted.length === 0 ? truth : measured, null, 2)}\n`;
  if (wanted.length === 0) {
    writeFileSync(TRUTH_FILE, json);
    // The repository's formatter owns the layout of committed JSON.
    execFileSync(join(import.meta.dirname, '../../node_modules/.bin/biome'), [
      'format',
      '--write',
      TRUTH_FILE,
    ]);
  } else process.stdout.write(json);
} finally {
  cluster.stop();
}
