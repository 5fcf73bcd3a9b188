import { copyFileSync, createReadStream, createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEvent } from '../../../src/nplusone/query-event.js';
import { LogFormatError, readLog } from '../../../src/sources/logs/read-log.js';
import { initSql } from '../../../src/sql/parser.js';
import {
  createBlog,
  literalLoop,
  nPlusOne,
  POSTS,
  withClient,
} from '../../nplusone/support/blog-workload.js';
import { type CapturedLogs, LoggingCluster } from '../../nplusone/support/logging-cluster.js';

const PREFIXES = ['%m [%p] ', '%t [%p]: [%l-1] user=%u,db=%d ', '%m [%p] %q%u@%d '];
const CUSTOM = '%m {%c} xid=%x ';

async function workload(url: string): Promise<void> {
  await createBlog(url);
  // Two sessions at once, so their lines interleave in the log.
  await Promise.all([withClient(url, nPlusOne), withClient(url, literalLoop)]);
}

async function eventsOf(file: string, prefix?: string) {
  const { batches, summary } = await readLog(file, prefix === undefined ? {} : { prefix });
  const all: QueryEvent[] = [];
  for await (const batch of batches) all.push(...batch);
  return { events: all, summary: summary() };
}

/** Each session's executions in order (files of different formats interleave sessions differently). */
function comparable(events: readonly QueryEvent[]) {
  const sessions = new Map<string, unknown[]>();
  for (const e of events)
    sessions.set(e.unit, [
      ...(sessions.get(e.unit) ?? []),
      { sql: e.sql, parameters: e.parameters, timed: e.durationMs !== undefined },
    ]);
  return [...sessions.values()].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

let cluster: LoggingCluster;
const logs = new Map<string, CapturedLogs>();

beforeAll(async () => {
  await initSql();
  cluster = await LoggingCluster.start();
  for (const prefix of [...PREFIXES, CUSTOM]) logs.set(prefix, await cluster.capture(prefix, workload));
}, 120_000);

afterAll(() => cluster?.stop());

describe('readLog on logs a PostgreSQL 15 server wrote', () => {
  for (const prefix of PREFIXES) {
    it(`stderr with log_line_prefix '${prefix}': detected, every execution with its parameters and duration`, async () => {
      const { events, summary } = await eventsOf(logs.get(prefix)?.stderr ?? '');
      expect(summary).toEqual({ format: 'stderr', prefix });
      const comments = events.filter((e) => e.sql.startsWith('SELECT id, body FROM comments'));
      expect(comments).toHaveLength(POSTS);
      expect(new Set(comments.map((e) => e.parameters?.[0]))).toEqual(
        new Set(Array.from({ length: POSTS }, (_, i) => `'${i + 1}'`)),
      );
      expect(comments.every((e) => typeof e.durationMs === 'number' && e.durationMs >= 0)).toBe(true);
      // parse and bind steps are not executions: each query once.
      expect(events.filter((e) => e.sql.startsWith('SELECT id, title FROM posts'))).toHaveLength(1);
      expect(new Set(comments.map((e) => e.unit)).size).toBe(1);
      const literal = events.filter((e) => e.sql.includes('FROM comments\n WHERE post_id ='));
      expect(literal).toHaveLength(POSTS);
      expect(literal[0]?.unit).not.toBe(comments[0]?.unit);
      expect(literal[0]?.parameters).toBeUndefined();
    });
  }

  it('csvlog and jsonlog give the same executions as stderr', async () => {
    const captured = logs.get(PREFIXES[0] ?? '') as CapturedLogs;
    const stderr = await eventsOf(captured.stderr);
    const csv = await eventsOf(captured.csvlog);
    const json = await eventsOf(captured.jsonlog);
    expect(csv.summary).toEqual({ format: 'csvlog' });
    expect(json.summary).toEqual({ format: 'jsonlog' });
    expect(comparable(csv.events)).toEqual(comparable(stderr.events));
    expect(comparable(json.events)).toEqual(comparable(stderr.events));
    // csv and json name sessions by session id (pid in hex, then start time), stderr by pid.
    expect(csv.events[0]?.unit).toMatch(/^session [0-9a-f]+\.[0-9a-f]+$/);
    expect(new Set(json.events.map((e) => e.unit))).toEqual(new Set(csv.events.map((e) => e.unit)));
  });

  it('reads gzip input by its magic bytes', async () => {
    const plain = logs.get(PREFIXES[1] ?? '')?.stderr ?? '';
    const gz = `${plain}.gz`;
    await pipeline(createReadStream(plain), createGzip(), createWriteStream(gz));
    expect(comparable((await eventsOf(gz)).events)).toEqual(comparable((await eventsOf(plain)).events));
  });

  it('counts lines that are not log lines with the first one’s line number, and reads the rest', async () => {
    const plain = logs.get(PREFIXES[0] ?? '')?.stderr ?? '';
    const damaged = `${plain}.damaged`;
    const lines = readFileSync(plain, 'utf8').split('\n');
    lines.splice(3, 0, 'kernel: oom-killer woke up', '');
    lines.push('garbage at the end');
    writeFileSync(damaged, lines.join('\n'));
    const { events, summary } = await eventsOf(damaged);
    expect(summary.skipped).toEqual({
      file: damaged,
      count: 2,
      firstLine: 4,
      reason: 'not stderr log lines',
    });
    expect(events.length).toBe((await eventsOf(plain)).events.length);
  });

  it('a prefix outside the common ones needs --log-prefix, and then works', async () => {
    const file = logs.get(CUSTOM)?.stderr ?? '';
    copyFileSync(file, `${file}.copy`);
    await expect(eventsOf(`${file}.copy`)).rejects.toThrow(LogFormatError);
    const { events } = await eventsOf(file, CUSTOM);
    const comments = events.filter((e) => e.sql.startsWith('SELECT id, body FROM comments'));
    expect(comments).toHaveLength(POSTS);
    // %c is the session id: the unit names it.
    expect(comments[0]?.unit).toMatch(/^session [0-9a-f]+\.[0-9a-f]+$/);
  });
});
