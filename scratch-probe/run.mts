import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { startCluster } from '/work/main/test/support/pg-cluster.js';

const cluster = await startCluster();
try {
  const c = new pg.Client(cluster.url); await c.connect();
  await c.query('CREATE DATABASE app');
  const dir = '/tmp/probe-db/proj';
  mkdirSync(`${dir}/migrations`, { recursive: true });
  writeFileSync(`${dir}/migrations/001_init.up.sql`, `CREATE TABLE t (id int);
ALTER DATABASE app SET work_mem = '77MB';
COMMENT ON DATABASE app IS 'touched by a migration';
ALTER SYSTEM SET work_mem = '99MB';
`);
  writeFileSync(`${dir}/migrations/001_init.down.sql`, `DROP TABLE t;\n`);
  const url = cluster.url.replace(/\/postgres$/, '/app');
  for (const args of [['verify', `${dir}/migrations`, '--db', url], ['lint', '--trace', '--db', url, `${dir}/migrations`]]) {
    try { console.log(execFileSync('node', ['dist/cli/main.js', ...args, '--format', 'text'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })); }
    catch (e: any) { console.log('exit', e.status, e.stdout, e.stderr); }
  }
  console.log((await c.query("SELECT d.datname, s.setconfig FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase")).rows);
  console.log((await c.query("SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname='app'")).rows);
  console.log((await c.query("SELECT name, setting FROM pg_file_settings WHERE name='work_mem'")).rows);
  await c.end();
} finally { cluster.stop(); }
