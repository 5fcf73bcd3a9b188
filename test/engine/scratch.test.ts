import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { SCRATCH_PREFIX, withScratchDatabase } from '../../src/engine/scratch.js';
import { openServer } from '../../src/engine/server.js';
import { testServerUrl, uniqueName } from '../support/engines.js';

const serverUrl = testServerUrl();
const holder = fileURLToPath(new URL('./fixtures/hold-scratch-database.ts', import.meta.url));

describe.runIf(serverUrl)('withScratchDatabase', () => {
  const adminUrl = serverUrl ?? '';
  let admin: Engine;
  beforeAll(async () => {
    admin = await openServer(adminUrl, { readOnly: true });
  });
  afterAll(() => admin.close());

  const databasesOwnedBy = async (role: string): Promise<string[]> =>
    (
      await admin.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = $1)',
        [role],
      )
    ).rows.map((r) => r.datname);

  const exists = async (name: string): Promise<boolean> =>
    (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rows.length === 1;

  it('gives fn a writable, empty database and drops it afterwards', async () => {
    const seen = await withScratchDatabase(adminUrl, async (engine, url) => {
      await engine.exec('CREATE TABLE t (id int); INSERT INTO t VALUES (1)');
      const { rows } = await engine.query<{ name: string; n: number }>(
        'SELECT current_database() AS name, (SELECT count(*) FROM t) AS n',
      );
      const name = rows[0]?.name ?? '';
      expect(await exists(name)).toBe(true);
      expect(url).toContain(`/${name}`);
      return { name, n: rows[0]?.n };
    });
    expect(seen.name.startsWith(SCRATCH_PREFIX)).toBe(true);
    expect(seen.n).toBe(1);
    expect(await exists(seen.name)).toBe(false);
  });

  it('copies the given template', async () => {
    const extensions = await withScratchDatabase(
      adminUrl,
      async (engine) => {
        const { rows } = await engine.query<{ e: string }>(
          'SELECT extname AS e FROM pg_extension ORDER BY 1',
        );
        return rows.map((r) => r.e);
      },
      { template: 'template1' },
    );
    expect(extensions).toContain('pg_stat_statements');
  });

  it('drops the database when fn throws, even with another session still connected to it', async () => {
    let name = '';
    await expect(
      withScratchDatabase(adminUrl, async (engine, url) => {
        name = (await engine.query<{ d: string }>('SELECT current_database() AS d')).rows[0]?.d ?? '';
        await openServer(url); // a leaked connection must not keep the database alive
        throw new Error('boom in fn');
      }),
    ).rejects.toThrow('boom in fn');
    expect(name.startsWith(SCRATCH_PREFIX)).toBe(true);
    expect(await exists(name)).toBe(false);
  });

  it('explains that the user needs CREATEDB, and leaves nothing behind', async () => {
    const role = uniqueName('pgvigil_nocreatedb');
    const writer = await openServer(adminUrl);
    await writer.exec(`CREATE ROLE ${role} LOGIN PASSWORD 'pw-${role}'`);
    try {
      const url = adminUrl.replace('postgres://postgres@', `postgres://${role}:pw-${role}@`);
      await expect(withScratchDatabase(url, async () => 'never')).rejects.toThrow(
        /cannot create a scratch database: the user lacks CREATEDB/,
      );
      expect(await databasesOwnedBy(role)).toEqual([]);
    } finally {
      await writer.exec(`DROP ROLE ${role}`);
      await writer.close();
    }
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'drops the database when the process holding it gets %s, and exits with %i',
    async (signal, exitCode) => {
      const child = spawn(process.execPath, ['--import', 'tsx', holder, adminUrl], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const [line] = (await once(child.stdout, 'data')) as [Buffer];
      const name = line.toString().trim();
      expect(name.startsWith(SCRATCH_PREFIX)).toBe(true);
      expect(await exists(name)).toBe(true);
      child.kill(signal);
      const [code] = await once(child, 'exit');
      expect({ code, stderr }).toEqual({ code: exitCode, stderr: '' });
      expect(await exists(name)).toBe(false);
    },
  );
});
