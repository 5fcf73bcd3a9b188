import { beforeAll, describe, expect, it } from 'vitest';
import { reachOutside, refusedInTransactionBlock } from '../../src/migrate/outside-scratch.js';
import { initSql } from '../../src/sql/parser.js';

const SCRATCH = 'pgvigil_scratch_1_abc';

describe('reachOutside: what a statement would change outside the database it runs in', () => {
  beforeAll(() => initSql());

  it.each([
    ["ALTER DATABASE app SET work_mem = '64MB'", 'database app'],
    ['ALTER DATABASE app RESET ALL', 'database app'],
    ['ALTER DATABASE app CONNECTION LIMIT 3', 'database app'],
    ['ALTER DATABASE app REFRESH COLLATION VERSION', 'database app'],
    ['ALTER DATABASE app RENAME TO old_app', 'database app'],
    ['ALTER DATABASE app OWNER TO someone', 'database app'],
    ["COMMENT ON DATABASE app IS 'x'", 'database app'],
    ["SECURITY LABEL ON DATABASE app IS 'x'", 'database app'],
    ['GRANT CONNECT ON DATABASE app, reports TO PUBLIC', 'database app, reports'],
    ['REVOKE ALL ON DATABASE app FROM PUBLIC', 'database app'],
    ['DROP DATABASE IF EXISTS app', 'database app'],
    ['CREATE DATABASE reports', 'a new database, reports, beside the scratch one'],
    ["ALTER SYSTEM SET work_mem = '64MB'", "the server's configuration"],
    ["CREATE TABLESPACE fast LOCATION '/ssd'", 'a tablespace'],
    ['ALTER TABLESPACE fast RENAME TO slow', 'a tablespace'],
    ['GRANT CREATE ON TABLESPACE fast TO PUBLIC', 'a tablespace'],
    ["CREATE SUBSCRIPTION s CONNECTION 'host=primary' PUBLICATION p", 'a subscription'],
    ['DROP SUBSCRIPTION s', 'a subscription'],
    ["COPY posts TO '/tmp/posts.csv'", 'a file on the server, /tmp/posts.csv'],
    ["COPY posts FROM PROGRAM 'curl http://x'", 'COPY … PROGRAM runs a shell command'],
    [
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'app'",
      'the server, through pg_terminate_backend()',
    ],
    ['SELECT pg_catalog.pg_reload_conf()', 'the server, through pg_reload_conf()'],
    ['SELECT count(*) FROM (SELECT pg_stat_statements_reset()) s', 'pg_stat_statements_reset()'],
    [
      'CREATE MATERIALIZED VIEW killed AS SELECT pg_terminate_backend(pid) FROM pg_stat_activity',
      'pg_terminate_backend()',
    ],
    ['ALTER TABLE flags ADD COLUMN reloaded boolean DEFAULT pg_reload_conf()', 'pg_reload_conf()'],
    ["DO $$ BEGIN EXECUTE 'ALTER DATABASE app SET timezone = ''UTC'''; END $$", 'database app'],
    ["CREATE TABLE t (id int); ALTER DATABASE app SET work_mem = '1MB'", 'database app'],
  ])('%s', (sql, what) => {
    expect(reachOutside(sql, SCRATCH)).toContain(what);
  });

  it.each([
    `ALTER DATABASE ${SCRATCH} SET work_mem = '64MB'`,
    `COMMENT ON DATABASE ${SCRATCH} IS 'the run''s own'`,
    'CREATE TABLE databases (system text, tablespace text)',
    "COPY posts FROM '/tmp/posts.csv'",
    'COPY posts TO STDOUT',
    'COPY posts FROM STDIN',
    'SELECT pg_cancel_backend_count FROM stats',
    "ALTER ROLE app_user SET work_mem = '1MB'",
    'not even SQL for database',
    // Stored, not evaluated: the function runs later, if ever.
    'CREATE VIEW sessions AS SELECT pid, pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE false',
    'CREATE FUNCTION reload() RETURNS boolean LANGUAGE sql BEGIN ATOMIC SELECT pg_reload_conf(); END',
    'CREATE TABLE flags (ok boolean DEFAULT pg_reload_conf())',
  ])('stays inside: %s', (sql) => {
    expect(reachOutside(sql, SCRATCH)).toBeUndefined();
  });
});

describe('refusedInTransactionBlock: refused before it acts, so safe to send in a block', () => {
  beforeAll(() => initSql());

  it.each([
    ["ALTER SYSTEM SET work_mem = '64MB'", true],
    ['CREATE DATABASE reports', true],
    ['DROP DATABASE reports', true],
    ["CREATE TABLESPACE fast LOCATION '/ssd'", true],
    ['DROP TABLESPACE fast', true],
    ["ALTER DATABASE app SET work_mem = '64MB'", false],
    ['CREATE INDEX CONCURRENTLY i ON t (a)', false],
    ['CREATE DATABASE a; CREATE DATABASE b', false],
  ])('%s: %s', (sql, refused) => {
    expect(refusedInTransactionBlock(sql, 150000)).toBe(refused);
  });
});
