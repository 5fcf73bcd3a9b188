import { readFile } from 'node:fs/promises';
import { urlForDatabase } from '../../../src/engine/database-url.js';
import type { Engine } from '../../../src/engine/engine.js';
import { openServer } from '../../../src/engine/server.js';
import { testServerUrl, uniqueName } from '../../support/engines.js';
import { blogWorkload } from './blog-workload.js';

export interface BlogServer {
  /** The database's URL, as a user passes it to --db. */
  readonly url: string;
  /** A superuser session on it, for the test's own setup and checks. */
  readonly db: Engine;
  readonly workload: Awaited<ReturnType<typeof blogWorkload>>;
  /** Indexes of the public schema: advice must leave the count as it was. */
  indexCount(): Promise<number>;
  close(): Promise<void>;
}

/** A database on the test cluster holding the blog schema and its data, dropped by close(). */
export async function blogServer(prefix: string): Promise<BlogServer> {
  const adminUrl = testServerUrl() ?? '';
  const admin = await openServer(adminUrl);
  const name = uniqueName(prefix);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = urlForDatabase(adminUrl, name);
  const db = await openServer(url);
  const workload = await blogWorkload();
  await db.exec(await readFile(workload.schema, 'utf8'));
  await db.exec(await readFile(workload.data, 'utf8'));
  return {
    url,
    db,
    workload,
    indexCount: async () =>
      Number(
        (await db.query<{ n: string }>("SELECT count(*) AS n FROM pg_indexes WHERE schemaname = 'public'"))
          .rows[0]?.n,
      ),
    close: async () => {
      await db.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
