import { describe, expect, it } from 'vitest';
import { openEngine } from '../../src/engine/open.js';
import { testServerUrl } from '../support/engines.js';

const serverUrl = testServerUrl();

describe('openEngine', () => {
  it('runs on the embedded engine when no server is given', async () => {
    const engine = await openEngine();
    try {
      expect(engine.kind).toBe('pglite');
      await engine.exec('CREATE TABLE t (id int)');
    } finally {
      await engine.close();
    }
  });

  it.runIf(serverUrl)('opens a given server read-only unless told otherwise', async () => {
    const readOnly = await openEngine({ db: serverUrl });
    const writable = await openEngine({ db: serverUrl, readOnly: false });
    try {
      expect(readOnly.kind).toBe('server');
      await expect(readOnly.exec('CREATE TABLE pgvigil_open_probe (id int)')).rejects.toThrow(/read-only/);
      await writable.transaction((tx) => tx.exec('CREATE TABLE pgvigil_open_probe (id int)'), {
        rollback: true,
      });
    } finally {
      await Promise.all([readOnly.close(), writable.close()]);
    }
  });
});
