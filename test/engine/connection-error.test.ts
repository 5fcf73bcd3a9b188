import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, redactUrl, toConnectionError } from '../../src/engine/connection-error.js';
import { openServer } from '../../src/engine/server.js';
import { testServerUrl, uniqueName } from '../support/engines.js';
import { HBA_REJECTED_DATABASE } from '../support/pg-cluster.js';

const PASSWORD = 'S3cr3t-p@ss/w%rd';
const ENCODED = encodeURIComponent(PASSWORD);

/** Opens url expecting a ConnectionError; checks it is one clean line without the password. */
async function connectionFailure(url: string, connectTimeoutMs?: number): Promise<string> {
  const error = await openServer(url, { connectTimeoutMs }).then(
    async (engine) => {
      await engine.close();
      throw new Error(`connected to ${redactUrl(url)} unexpectedly`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectionError);
  const { userMessage, message } = error as ConnectionError;
  expect(userMessage).toBe(message);
  expect(userMessage).not.toContain('\n');
  for (const secret of [PASSWORD, ENCODED, 'wrong-password']) expect(userMessage).not.toContain(secret);
  return userMessage;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

describe('connection errors without a server', () => {
  it('names host and port when the connection is refused', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const message = await connectionFailure(`postgres://u:${ENCODED}@127.0.0.1:${port}/db`);
    expect(message).toBe(
      `cannot connect to 127.0.0.1:${port}: connection refused: is PostgreSQL running and listening on that host and port?`,
    );
  });

  it('names the host that does not resolve', async () => {
    const message = await connectionFailure(`postgres://u:${ENCODED}@nohost.invalid:6543/db`);
    expect(message).toMatch(/^cannot connect to nohost\.invalid:6543: unknown host "nohost\.invalid"/);
  });

  it('names the socket path when no server listens there', async () => {
    const message = await connectionFailure(`postgres://u@/db?host=/nonexistent-dir&password=${ENCODED}`);
    expect(message).toMatch(
      /^cannot connect to socket \/nonexistent-dir\/\.s\.PGSQL\.5432: no server socket/,
    );
  });

  describe('a server that accepts but never answers', () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    let port = 0;
    beforeAll(async () => {
      port = await listen(silent);
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('times out after connectTimeoutMs', async () => {
      const started = Date.now();
      const message = await connectionFailure(`postgres://u:${ENCODED}@127.0.0.1:${port}/db`, 300);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(message).toMatch(
        new RegExp(`^cannot connect to 127\\.0\\.0\\.1:${port}: no answer within 300 ms`),
      );
    });
  });
});

const serverUrl = testServerUrl();

describe.runIf(serverUrl)('connection errors from a real server', () => {
  const admin = new URL(serverUrl ?? 'postgres://x');
  const role = uniqueName('pgvigil_pw');
  const at = (user: string, password: string, database = 'postgres', query = ''): string =>
    `postgres://${user}:${encodeURIComponent(password)}@${admin.host}/${database}${query}`;

  beforeAll(async () => {
    const engine = await openServer(serverUrl ?? '');
    await engine.exec(`CREATE ROLE ${role} LOGIN PASSWORD '${PASSWORD.replace(/'/g, "''")}'`);
    await engine.close();
  });
  afterAll(async () => {
    const engine = await openServer(serverUrl ?? '');
    await engine.exec(`DROP ROLE IF EXISTS ${role}`);
    await engine.close();
  });

  it('connects with the right scram password (the failures below are not set-up mistakes)', async () => {
    const engine = await openServer(at(role, PASSWORD));
    const { rows } = await engine.query<{ u: string }>('SELECT current_user AS u');
    await engine.close();
    expect(rows).toEqual([{ u: role }]);
  });

  it('reports a wrong password for the user', async () => {
    const message = await connectionFailure(at(role, 'wrong-password'));
    expect(message).toBe(
      `cannot connect to ${admin.host}: password authentication failed for user "${role}": check the user and password in the URL (or PGPASSWORD)`,
    );
  });

  it('reports a missing password', async () => {
    const message = await connectionFailure(`postgres://${role}@${admin.host}/postgres`);
    expect(message).toMatch(/wants a password for user .* and none was given/);
  });

  it('reports TLS asked for by the URL but not offered by the server', async () => {
    const message = await connectionFailure(at(role, PASSWORD, 'postgres', '?sslmode=require'));
    expect(message).toMatch(/^cannot connect to 127\.0\.0\.1:\d+: the server does not accept TLS/);
  });

  it('reports a database that does not exist', async () => {
    const message = await connectionFailure(at(role, PASSWORD, 'no_such_db'));
    expect(message).toMatch(/database "no_such_db" does not exist/);
  });

  it('reports a pg_hba.conf rejection', async () => {
    const message = await connectionFailure(at(role, PASSWORD, HBA_REJECTED_DATABASE));
    expect(message).toMatch(/pg_hba\.conf refuses user .* on database "pgvigil_hba_rejected"/);
  });
});

describe('redactUrl', () => {
  it('masks the password in the authority, keeping the rest', () => {
    expect(redactUrl(`postgres://alice:${ENCODED}@db.example:5433/app?sslmode=require`)).toBe(
      'postgres://alice:***@db.example:5433/app?sslmode=require',
    );
  });

  it('masks a password given as a query parameter', () => {
    const redacted = redactUrl(`postgres://alice@db/app?Password=${ENCODED}&sslmode=disable`);
    expect(redacted).toBe('postgres://alice@db/app?Password=***&sslmode=disable');
  });

  it('masks passwords even in strings that are not valid URLs', () => {
    const redacted = redactUrl('postgres://alice:p w@[bad/app?password=p w');
    expect(redacted).not.toContain('p w');
  });

  it('masks all of a password written with an @ in it, not only what comes before the @', () => {
    const redacted = redactUrl('postgres://alice:s3@cret@db.example:notaport/app');
    expect(redacted).toBe('postgres://alice:***@db.example:notaport/app');
  });

  it('leaves a URL without a password unchanged', () => {
    expect(redactUrl('postgres://alice@db.example/app')).toBe('postgres://alice@db.example/app');
  });
});

// Messages this suite's server cannot produce (it has no TLS, and is not PostgreSQL 13), copied from real servers.
describe('toConnectionError on server messages the test cluster cannot produce', () => {
  const target = { host: 'db.example', port: 5432, user: 'app', database: 'shop', password: PASSWORD };
  const url = `postgres://app:${ENCODED}@db.example/shop`;
  const explain = (code: string, message: string) =>
    toConnectionError(Object.assign(new Error(message), { code }), target, url, 1000).userMessage;

  it.each([
    'no pg_hba.conf entry for host "10.0.0.5", user "app", database "shop", no encryption',
    'no pg_hba.conf entry for host "10.0.0.5", user "app", database "shop", SSL off',
  ])('asks for sslmode=require when only TLS connections are allowed: %s', (message) => {
    expect(explain('28000', message)).toBe(
      'cannot connect to db.example:5432: the server requires TLS for user "app": add ?sslmode=require to the URL',
    );
  });

  it('scrubs the password even when the server echoes it', () => {
    const message = explain('XX000', `weird failure mentioning ${PASSWORD} and ${ENCODED}`);
    expect(message).not.toContain(PASSWORD);
    expect(message).not.toContain(ENCODED);
    expect(message).toContain('weird failure mentioning ***');
  });
});
