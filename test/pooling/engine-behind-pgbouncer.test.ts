import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServer } from '../../src/engine/server.js';
import { testServerUrl } from '../support/engines.js';
import { startPgBouncer, type TestPgBouncer } from './support/pgbouncer.js';
import { connect } from './support/pooled-clients.js';

/**
 * pgvigil's live sessions (health, top, serve, explain --db) pointed at a transaction-mode pooler:
 * with one server connection in the pool, whatever pgvigil left in its session would be what the
 * application's next transaction gets.
 */
describe('a read-only engine through PgBouncer in transaction mode', () => {
  let bouncer: TestPgBouncer;
  beforeAll(async () => {
    bouncer = await startPgBouncer(testServerUrl() ?? '', 1);
  }, 60_000);
  afterAll(async () => {
    await bouncer?.stop();
  });

  it('keeps its guards in every statement and leaves nothing on the server connection', async () => {
    const url = bouncer.urlFor('postgres');
    const engine = await openServer(url, { readOnly: true, statementTimeoutMs: 4_321 });
    try {
      const seen = await engine.query<{ ro: string; timeout: string; app: string }>(
        `SELECT current_setting('transaction_read_only') AS ro, current_setting('statement_timeout') AS timeout,
                current_setting('application_name') AS app`,
      );
      expect(seen.rows).toEqual([{ ro: 'on', timeout: '4321ms', app: 'pgvigil' }]);
      await expect(engine.exec('CREATE TABLE pgvigil_must_not_exist (id int)')).rejects.toThrow(/read-only/);
    } finally {
      await engine.close();
    }
    // The pool's only server connection now serves the application.
    const app = await connect(url);
    try {
      const after = await app.query<{ ro: string; timeout: string }>(
        `SELECT current_setting('default_transaction_read_only') AS ro, current_setting('statement_timeout') AS timeout`,
      );
      expect(after.rows).toEqual([{ ro: 'off', timeout: '0' }]);
      await app.query('CREATE TEMP TABLE written_by_the_app (id int)');
    } finally {
      await app.end();
    }
  }, 60_000);
});
