import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/engine/pglite.js';

describe('openPglite', () => {
  it('gives every instance in a process its own fresh database', async () => {
    for (const attempt of [1, 2]) {
      const engine = await openPglite();
      try {
        const { rows } = await engine.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_class WHERE relname = 'left_behind'",
        );
        expect(rows[0]?.n, `instance ${attempt} sees a table of an earlier instance`).toBe(0);
        await engine.exec('CREATE TABLE left_behind (id int)');
      } finally {
        await engine.close();
      }
    }
  });
});
