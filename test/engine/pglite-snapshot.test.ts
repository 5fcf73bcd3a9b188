import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, PGLITE_SHARED_BUFFERS } from '../../src/engine/pglite.js';
import {
  installedPgliteVersion,
  loadPgliteSnapshot,
  PACKAGED_SNAPSHOT,
  readSnapshotFile,
} from '../../src/engine/pglite-snapshot.js';
import { packSnapshot, unpackSnapshot } from '../../src/engine/pglite-snapshot-format.js';

const scratch = mkdtempSync(join(tmpdir(), 'pgvigil-snapshot-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function sampleDataDir(): string {
  const dir = mkdtempSync(join(scratch, 'data-'));
  mkdirSync(join(dir, 'base', '1'), { recursive: true });
  mkdirSync(join(dir, 'pg_tblspc'));
  writeFileSync(join(dir, 'PG_VERSION'), '18\n');
  writeFileSync(join(dir, 'base', '1', '1259'), Buffer.from([0, 1, 2, 255, 0]));
  writeFileSync(join(dir, 'base', 'empty'), '');
  return dir;
}

describe('snapshot format', () => {
  it('round-trips directories, empty files and binary contents', () => {
    const snapshot = unpackSnapshot(packSnapshot(sampleDataDir(), '9.9.9'));
    expect(snapshot?.pgliteVersion).toBe('9.9.9');
    const files = snapshot?.files.map((f) => ({ path: f.path, data: f.data && [...f.data] }));
    expect(files).toEqual([
      { path: 'PG_VERSION', data: [0x31, 0x38, 0x0a] },
      { path: 'base', data: undefined },
      { path: 'base/1', data: undefined },
      { path: 'base/1/1259', data: [0, 1, 2, 255, 0] },
      { path: 'base/empty', data: [] },
      { path: 'pg_tblspc', data: undefined },
    ]);
  });

  it('refuses a snapshot of another format version', () => {
    const header = Buffer.from(JSON.stringify({ format: 99, pgliteVersion: 'x', entries: [] }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.byteLength);
    expect(unpackSnapshot(gzipSync(Buffer.concat([length, header])))).toBeUndefined();
  });
});

describe('readSnapshotFile', () => {
  it('ignores a missing, a damaged and a foreign-version snapshot', () => {
    const damaged = join(scratch, 'damaged.gz');
    writeFileSync(damaged, 'not gzip at all');
    const foreign = join(scratch, 'foreign.gz');
    writeFileSync(foreign, packSnapshot(sampleDataDir(), `${installedPgliteVersion()}-other`));
    expect(readSnapshotFile(join(scratch, 'missing.gz'))).toBeUndefined();
    expect(readSnapshotFile(damaged)).toBeUndefined();
    expect(readSnapshotFile(foreign)).toBeUndefined();
  });

  it('accepts the packaged snapshot, made by the installed PGlite from a cleanly shut down cluster', () => {
    const snapshot = readSnapshotFile(PACKAGED_SNAPSHOT);
    expect(snapshot?.pgliteVersion).toBe(installedPgliteVersion());
    const paths = snapshot?.files.map((f) => f.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['PG_VERSION', 'global/pg_control', 'postgresql.conf']));
    expect(paths).not.toContain('postmaster.pid');
    expect(readFileSync(PACKAGED_SNAPSHOT).byteLength).toBeGreaterThan(0);
  });
});

describe('loadPgliteSnapshot', () => {
  it('inflates once per process, and engines never write into the shared snapshot', async () => {
    const snapshot = await loadPgliteSnapshot();
    const control = snapshot?.files.find((f) => f.path === 'global/pg_control')?.data;
    const before = Buffer.from(control ?? []);
    const engine = await openPglite();
    try {
      await engine.exec('CREATE TABLE written (id int); CHECKPOINT');
    } finally {
      await engine.close();
    }
    expect(await loadPgliteSnapshot()).toBe(snapshot);
    expect(before.byteLength).toBeGreaterThan(0);
    expect(Buffer.from(control ?? []).equals(before)).toBe(true);
  });
});

describe('openPglite', () => {
  const showSharedBuffers = `SELECT current_setting('shared_buffers') AS v`;

  it('starts from the snapshot, and instances opened from it do not share data', async () => {
    const first = await openPglite();
    const second = await openPglite();
    try {
      await first.exec(`CREATE TABLE only_in_first (id int); INSERT INTO only_in_first VALUES (1)`);
      const seen = await second.query<{ n: number }>(
        `SELECT count(*) AS n FROM pg_class WHERE relname = 'only_in_first'`,
      );
      expect(seen.rows).toEqual([{ n: 0 }]);
      expect((await first.query<{ v: string }>(showSharedBuffers)).rows).toEqual([
        { v: PGLITE_SHARED_BUFFERS },
      ]);
      expect(first.serverVersion).toBeGreaterThanOrEqual(180000);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('also starts without the snapshot, with the same settings', async () => {
    const engine = await openPglite({ snapshot: false });
    try {
      expect((await engine.query<{ v: string }>(showSharedBuffers)).rows).toEqual([
        { v: PGLITE_SHARED_BUFFERS },
      ]);
    } finally {
      await engine.close();
    }
  });
});
