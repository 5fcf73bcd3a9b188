import { urlForDatabase } from '../../../src/engine/database-url.js';
import type { Engine } from '../../../src/engine/engine.js';
import { openServer } from '../../../src/engine/server.js';
import { testServerUrl, uniqueName } from '../../support/engines.js';

/** A database of the test cluster for top: its URL, a writable superuser session, and drop(). */
export interface TopDatabase {
  readonly name: string;
  readonly url: string;
  readonly db: Engine;
  drop(): Promise<void>;
}

export const SCHEMA = `
CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (id int PRIMARY KEY, author_id int NOT NULL REFERENCES users, title text NOT NULL);
CREATE TABLE events (id bigint PRIMARY KEY, kind int NOT NULL, payload text NOT NULL);
INSERT INTO users SELECT g, 'user ' || g FROM generate_series(1, 200) g;
INSERT INTO posts SELECT g, g, 'post ' || g FROM generate_series(1, 200) g;
INSERT INTO events SELECT g, g % 1000, repeat('x', 60) FROM generate_series(1, 100000) g;
CREATE TABLE comments (id int PRIMARY KEY, post_id int NOT NULL REFERENCES posts, body text NOT NULL);
CREATE INDEX ON comments (post_id);
INSERT INTO comments SELECT g, g, 'comment ' || g FROM generate_series(1, 200) g;
ANALYZE;
`;

export function adminUrl(): string {
  const url = testServerUrl();
  if (!url) throw new Error('no test PostgreSQL server in this run (PGVIGIL_TEST_NO_SERVER=1)');
  return url;
}

/** A fresh database with `setup` run in it (extensions, schema, rows). */
export async function createTopDatabase(setup: string): Promise<TopDatabase> {
  const name = uniqueName('pgvigil_top');
  const admin = await openServer(adminUrl());
  await admin.exec(`CREATE DATABASE ${name}`).finally(() => admin.close());
  const url = urlForDatabase(adminUrl(), name);
  const db = await openServer(url);
  await db.exec(setup);
  return {
    name,
    url,
    db,
    async drop() {
      await db.close();
      const dropper = await openServer(adminUrl());
      await dropper.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => dropper.close());
    },
  };
}

/** Forgets what pg_stat_statements recorded in this database only: other tests share the cluster. */
export async function resetStatements(db: Engine): Promise<void> {
  await db.query(
    'SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)',
  );
}

/** The planted slow query: a filter no index serves on 100,000 rows, 10 times. */
export async function runSlowQuery(db: Engine): Promise<void> {
  for (let kind = 1; kind <= 10; kind++)
    await db.query('SELECT id, payload FROM events WHERE kind = $1', [kind]);
}

export const PARENT = 'SELECT id, author_id, title FROM posts ORDER BY id LIMIT 50';

/** One query for 50 posts, then one lookup of its author per post. */
export async function runNPlusOne(db: Engine): Promise<void> {
  const { rows } = await db.query<{ author_id: number }>(PARENT);
  for (const post of rows) await db.query('SELECT id, name FROM users WHERE id = $1', [post.author_id]);
}

/** One query for 50 posts, then the comments of each post, one query per post. */
export async function runCommentsLoop(db: Engine): Promise<void> {
  const { rows } = await db.query<{ id: number }>(PARENT);
  for (const post of rows)
    await db.query('SELECT id, post_id, body FROM comments WHERE post_id = $1', [post.id]);
}

/** The same data loaded in two queries: the authors of all 50 posts at once. */
export async function runBatched(db: Engine): Promise<void> {
  const { rows } = await db.query<{ author_id: number }>(PARENT);
  await db.query('SELECT id, name FROM users WHERE id = ANY($1)', [rows.map((r) => r.author_id)]);
}

export { urlAs } from '../../support/url-as.js';
