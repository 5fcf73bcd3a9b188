import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findPgBinDir } from '../../support/pg-binaries.js';
import { startCluster, type TestCluster } from '../../support/pg-cluster.js';

/** The three files one workload wrote, each holding only that workload's lines. */
export interface CapturedLogs {
  readonly stderr: string;
  readonly csvlog: string;
  readonly jsonlog: string;
}

const DESTINATIONS = ['stderr', 'csvlog', 'jsonlog'] as const;
const END_MARKER = 'pgvigil_capture_end';

/**
 * A PostgreSQL 15 cluster of its own (the shared one's settings stay untouched) that logs every
 * statement with its duration to stderr, csvlog and jsonlog through the logging collector.
 */
export class LoggingCluster {
  /** Directories the captures were copied to: removed with the cluster. */
  private readonly outputs: string[] = [];

  private constructor(private readonly cluster: TestCluster) {}

  static async start(): Promise<LoggingCluster> {
    const cluster = await startCluster();
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      for (const sql of [
        'ALTER SYSTEM SET logging_collector = on',
        "ALTER SYSTEM SET log_destination = 'stderr,csvlog,jsonlog'",
        "ALTER SYSTEM SET log_directory = 'pglog'",
        'ALTER SYSTEM SET log_min_duration_statement = 0',
      ])
        await client.query(sql);
    } finally {
      await client.end();
    }
    const dataDir = join(cluster.socketDir, 'data');
    const pgCtl = join(findPgBinDir(), 'pg_ctl');
    const argv = ['restart', '-D', dataDir, '-w', '-m', 'fast'];
    const asRoot = userInfo().uid === 0;
    execFileSync(asRoot ? 'runuser' : pgCtl, asRoot ? ['-u', 'postgres', '--', pgCtl, ...argv] : argv, {
      stdio: 'ignore',
    });
    return new LoggingCluster(cluster);
  }

  get url(): string {
    return this.cluster.url;
  }

  /** Runs the workload with this log_line_prefix and returns what it logged, in each format. */
  async capture(prefix: string, workload: (url: string) => Promise<void>): Promise<CapturedLogs> {
    await this.admin(async (client) => {
      await client.query(`ALTER SYSTEM SET log_line_prefix = '${prefix.replace(/'/g, "''")}'`);
      await client.query('SELECT pg_reload_conf()');
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const files = await this.admin(async (client) => {
      const { rows } = await client.query<{ f: string }>(
        'SELECT pg_current_logfile(kind) AS f FROM unnest($1::text[]) WITH ORDINALITY AS d(kind, n) ORDER BY n',
        [DESTINATIONS],
      );
      return rows.map((row) => join(this.cluster.socketDir, 'data', row.f));
    });
    const starts = files.map((file) => statSync(file).size);
    await workload(this.url);
    await this.admin((client) => client.query(`SELECT '${END_MARKER}'`));
    const out = mkdtempSync(join(tmpdir(), 'pgvigil-logs-'));
    this.outputs.push(out);
    const written = await Promise.all(
      files.map(async (file, i) => {
        const text = await waitFor(file, starts[i] ?? 0);
        const target = join(
          out,
          `postgresql.${DESTINATIONS[i] === 'stderr' ? 'log' : DESTINATIONS[i] === 'csvlog' ? 'csv' : 'json'}`,
        );
        writeFileSync(target, text);
        return target;
      }),
    );
    return { stderr: written[0] ?? '', csvlog: written[1] ?? '', jsonlog: written[2] ?? '' };
  }

  stop(): void {
    this.cluster.stop();
    for (const dir of this.outputs) rmSync(dir, { recursive: true, force: true });
  }

  private async admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }
}

// The collector writes asynchronously: the capture is complete once the end marker is in the file.
async function waitFor(file: string, start: number): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const text = readFileSync(file).subarray(start).toString('utf8');
    const end = text.indexOf(END_MARKER);
    if (end >= 0) return text.slice(0, text.lastIndexOf('\n', end) + 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${file}: the server did not log the end marker`);
}
