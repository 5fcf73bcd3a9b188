import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlForDatabase } from '../../src/engine/database-url.js';
import type { Engine } from '../../src/engine/engine.js';
import { openServer } from '../../src/engine/server.js';
import {
  blocksReads,
  blocksWrites,
  conflicts,
  LOCK_MODE_TABLE,
  LOCK_MODES,
  type LockMode,
  strongestLock,
} from '../../src/observe/lock-modes.js';
import { engineCases, openServerTestDatabase, testServerUrl } from '../support/engines.js';

describe('lock modes', () => {
  it('the conflict matrix is symmetric', () => {
    for (const a of LOCK_MODES)
      for (const b of LOCK_MODES) expect(conflicts(a, b), `${a} / ${b}`).toBe(conflicts(b, a));
  });

  it('only ACCESS EXCLUSIVE blocks plain reads', () => {
    expect(LOCK_MODES.filter(blocksReads)).toEqual(['AccessExclusiveLock']);
  });

  it('SHARE and stronger block writes; SHARE UPDATE EXCLUSIVE (VACUUM, VALIDATE) does not', () => {
    expect(LOCK_MODES.filter(blocksWrites)).toEqual([
      'ShareLock',
      'ShareRowExclusiveLock',
      'ExclusiveLock',
      'AccessExclusiveLock',
    ]);
  });

  it('strongestLock picks by the manual order', () => {
    expect(strongestLock(['ShareLock', 'AccessShareLock', 'ShareUpdateExclusiveLock'])).toBe('ShareLock');
    expect(strongestLock([])).toBeUndefined();
  });
});

// Two sessions are needed to see a conflict: PGlite has one, so this runs on the server only.
const hasServer = engineCases.some((c) => c.name === 'server');

describe.runIf(hasServer)('the conflict matrix matches what the server does [server]', () => {
  let holder: Engine;
  let asker: Engine;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const db = await openServerTestDatabase();
    await db.exec('CREATE TABLE t (a int)');
    const name = (await db.query<{ d: string }>('SELECT current_database() AS d')).rows[0]?.d ?? '';
    const url = urlForDatabase(testServerUrl() ?? '', name);
    holder = await openServer(url);
    asker = await openServer(url, { lockTimeoutMs: 50 });
    close = async () => {
      await holder.close();
      await asker.close();
      await db.close();
    };
  });
  afterAll(() => close());

  async function waits(held: LockMode, asked: LockMode): Promise<boolean> {
    const sql = (mode: LockMode) => `LOCK TABLE t IN ${LOCK_MODE_TABLE[mode].sqlName} MODE`;
    return holder.transaction(
      async (h) => {
        await h.exec(sql(held));
        try {
          await asker.transaction((a) => a.exec(sql(asked)), { rollback: true });
          return false;
        } catch (error) {
          if ((error as { code?: string }).code !== '55P03') throw error;
          return true;
        }
      },
      { rollback: true },
    );
  }

  it('every pair of modes waits exactly when the table says they conflict', async () => {
    const observed: string[] = [];
    const expected: string[] = [];
    for (const held of LOCK_MODES) {
      for (const asked of LOCK_MODES) {
        if (await waits(held, asked)) observed.push(`${held} blocks ${asked}`);
        if (conflicts(held, asked)) expected.push(`${held} blocks ${asked}`);
      }
    }
    expect(observed).toEqual(expected);
  });
});
