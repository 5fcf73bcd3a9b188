import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * A realistic PostgreSQL stderr log (log_min_duration_statement = 0) for the log-analysis benchmark:
 * interleaved sessions with connections, extended-protocol executes and their parameters, simple
 * queries with literals, transactions, N+1 loops, batched loads, cached-looking repeats and
 * multi-line reports. Deterministic for one seed, so every run reads the same bytes.
 */
export const BENCH_PREFIX = '%t [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h ';

/** Park-Miller-like 32-bit generator: the same log for the same seed, on any machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Session {
  readonly pid: number;
  readonly user: string;
  line: number;
  /** Messages still to write for the request this session is serving. */
  readonly queue: string[][];
}

const APPS = ['web', 'worker', 'api'];
const USERS = ['app', 'reporting'];

export interface GenerateOptions {
  readonly bytes: number;
  readonly seed?: number;
  /** Sessions open at once (their lines interleave). */
  readonly sessions?: number;
}

/** Writes the log to `file`; returns the statements written. */
export function generateLog(file: string, options: GenerateOptions): { statements: number } {
  const next = random(options.seed ?? 42);
  const int = (n: number) => Math.floor(next() * n);
  const ms = () => (next() < 0.9 ? next() * 2 : next() * 300).toFixed(3);
  let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
  let pid = 20000;
  let statements = 0;
  const fd = openSync(file, 'w');
  let buffer = '';
  let written = 0;

  const stamp = () => {
    clock += int(40);
    return `${new Date(clock).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  };
  const newSession = (): Session => ({
    pid: pid++,
    user: USERS[int(USERS.length)] ?? 'app',
    line: 0,
    queue: [],
  });

  const open: Session[] = Array.from({ length: options.sessions ?? 12 }, newSession);

  function write(session: Session, severity: string, message: string): void {
    session.line++;
    const head = `${stamp()} [${session.pid}]: [${session.line}-1] user=${session.user},db=blog,app=${APPS[session.pid % 3]},client=10.0.${session.pid % 7}.${session.pid % 200} `;
    buffer += `${head}${severity}:  ${message.replaceAll('\n', '\n\t')}\n`;
  }

  // Each request is a list of messages: [severity, message] pairs, DETAIL right after its execute.
  const execute = (sql: string, ...values: string[]): string[] => {
    statements++;
    const out = [`LOG|duration: ${ms()} ms  execute <unnamed>: ${sql}`];
    if (values.length > 0)
      out.push(`DETAIL|parameters: ${values.map((v, i) => `$${i + 1} = '${v}'`).join(', ')}`);
    return out;
  };
  const simple = (sql: string): string[] => {
    statements++;
    return [`LOG|duration: ${ms()} ms  statement: ${sql}`];
  };

  const requests: (() => string[])[] = [
    // The blog's N+1: the posts of an author, then the comments of each post.
    () => {
      const posts = 5 + int(20);
      const out = execute(
        'SELECT id, title FROM posts WHERE author_id = $1 ORDER BY created_at DESC LIMIT 20',
        String(int(5000)),
      );
      for (let i = 0; i < posts; i++)
        out.push(
          ...execute(
            'SELECT id, body FROM comments WHERE post_id = $1 ORDER BY created_at',
            String(int(900000)),
          ),
        );
      return out;
    },
    // The same loop with literals (an ORM that inlines values).
    () => {
      const out = simple(`SELECT id, name FROM authors WHERE team_id = ${int(300)}`);
      for (let i = 5 + int(10); i > 0; i--)
        out.push(...simple(`SELECT count(*) FROM posts WHERE author_id = ${int(5000)}`));
      return out;
    },
    // A batched load: not an N+1.
    () => [
      ...execute('SELECT id, title FROM posts WHERE author_id = $1', String(int(5000))),
      ...execute(
        'SELECT post_id, id, body FROM comments WHERE post_id = ANY($1)',
        `{${Array.from({ length: 8 }, () => int(900000)).join(',')}}`,
      ),
    ],
    // A transaction that writes.
    () => [
      ...simple('BEGIN'),
      ...execute('SELECT id, balance FROM accounts WHERE id = $1 FOR UPDATE', String(int(100000))),
      ...execute(
        'UPDATE accounts SET balance = balance - $1 WHERE id = $2',
        String(int(500)),
        String(int(100000)),
      ),
      ...execute(
        'INSERT INTO ledger (account_id, amount, note) VALUES ($1, $2, $3)',
        String(int(100000)),
        String(int(500)),
        `transfer ${int(1e9)}`,
      ),
      ...simple('COMMIT'),
    ],
    // Single lookups, the bulk of a web workload.
    () => execute('SELECT id, email, name FROM users WHERE id = $1', String(int(100000))),
    () => simple(`SELECT id, title, published_at FROM posts WHERE slug = 'post-${int(90000)}'`),
    () => execute('SELECT 1'),
    // A report spread over several lines.
    () =>
      simple(
        `SELECT a.id, a.name, count(p.id) AS posts\nFROM authors a\nLEFT JOIN posts p ON p.author_id = a.id\nWHERE p.created_at > now() - interval '${1 + int(30)} days'\nGROUP BY a.id, a.name\nORDER BY posts DESC\nLIMIT 10`,
      ),
    // The same settings read again and again: repeated-identical-query.
    () => {
      const out: string[] = [];
      for (let i = 0; i < 6; i++) out.push(...execute('SELECT value FROM settings WHERE key = $1', 'theme'));
      return out;
    },
  ];
  const weights = [3, 1, 2, 2, 30, 15, 5, 2, 1];
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = () => {
    let r = int(total);
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return requests[i] ?? requests[0];
    }
    return requests[0];
  };

  while (written + buffer.length < options.bytes) {
    const slot = int(open.length);
    let session = open[slot] as Session;
    if (session.queue.length === 0) {
      if (next() < 0.01) {
        write(
          session,
          'LOG',
          `disconnection: session time: 0:00:0${int(9)}.${int(999)} user=app database=blog host=10.0.0.1 port=${40000 + int(20000)}`,
        );
        session = newSession();
        open[slot] = session;
        write(session, 'LOG', `connection received: host=10.0.0.1 port=${40000 + int(20000)}`);
        write(session, 'LOG', 'connection authorized: user=app database=blog application_name=web');
      }
      session.queue.push(
        ...(pick() ?? (() => []))().map((m) => [m.slice(0, m.indexOf('|')), m.slice(m.indexOf('|') + 1)]),
      );
    }
    // A request's execute and its DETAIL are written together, as the server does.
    const [severity, message] = session.queue.shift() as string[];
    write(session, severity ?? 'LOG', message ?? '');
    if (session.queue[0]?.[0] === 'DETAIL') {
      const [detailSeverity, detail] = session.queue.shift() as string[];
      write(session, detailSeverity ?? 'DETAIL', detail ?? '');
    }
    if (buffer.length > 1 << 20) {
      written += writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
  return { statements };
}
