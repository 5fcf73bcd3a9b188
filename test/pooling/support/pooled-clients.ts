import pg from 'pg';
import { featureHits } from '../../../src/pooling/feature-hits.js';
import { initSql } from '../../../src/sql/parser.js';
import { splitStatements } from '../../../src/sql/split.js';

/** A plain node-postgres client, as an application would open one. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** The first value of the first row. */
export async function value(client: pg.Client, sql: string): Promise<unknown> {
  const result = await client.query(sql);
  const row = result.rows[0] as Record<string, unknown> | undefined;
  return row ? Object.values(row)[0] : undefined;
}

/** The error message a statement fails with, or 'ok'. */
export async function failure(client: pg.Client, sql: string | pg.QueryConfig): Promise<string> {
  try {
    await client.query(sql);
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

/** The pooling rules pgvigil reports on this SQL, in order. */
export async function flaggedBy(sql: string): Promise<string[]> {
  await initSql();
  return featureHits(splitStatements(sql, 'test.sql')).map((hit) => hit.rule.meta.id);
}
