import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes the labelled N+1 set: small stderr logs and OTLP traces, each with planted N+1 loops or a
 * look-alike that is not one, and labels.json saying which findings each file should give.
 * `npx tsx bench/n1/write-set.ts` regenerates bench/n1/set/ (deterministic).
 */
export interface Label {
  readonly rule: 'n-plus-one' | 'repeated-identical-query';
  /** Text every repeated query of the finding's block contains, in the order of the block. */
  readonly repeated: readonly string[];
}

interface Query {
  readonly sql: string;
  readonly values?: readonly string[];
}

interface SetFile {
  readonly name: string;
  readonly why: string;
  readonly labels: readonly Label[];
  /** Queries per unit (a session in a log, a parent span in a trace), interleaved round-robin. */
  readonly units: readonly (readonly Query[])[];
  readonly kind?: 'log' | 'trace';
  /** Milliseconds between two rounds of queries (3 unless said). */
  readonly gapMs?: number;
}

const q = (sql: string, ...values: (string | number)[]): Query => ({ sql, values: values.map(String) });
const times = (n: number, make: (i: number) => Query[]): Query[] =>
  Array.from({ length: n }, (_, i) => make(i)).flat();
const POSTS = q('SELECT id, title FROM posts WHERE author_id = $1 ORDER BY created_at DESC LIMIT 20', 7);
const COMMENTS = (i: number) =>
  q('SELECT id, body FROM comments WHERE post_id = $1 ORDER BY created_at', 100 + i);
// Unrelated queries in an order that never repeats a block of one to three.
const NOISE = [
  q('SELECT id, email FROM users WHERE id = $1', 5000),
  q('SELECT now()'),
  q('SELECT id FROM tags WHERE name = $1', 'sql'),
  q('UPDATE sessions SET seen_at = now() WHERE id = $1', 9),
  q('SELECT count(*) FROM orders WHERE status = $1', 'open'),
];
const noise = (i: number): Query[] => [NOISE[(i * i + i) % NOISE.length] as Query];
const n1 = (repeated: string): Label => ({ rule: 'n-plus-one', repeated: [repeated] });

const FILES: readonly SetFile[] = [
  {
    name: 'n1-prepared',
    why: 'a query per post, extended protocol',
    labels: [n1('FROM comments')],
    units: [[POSTS, ...times(12, (i) => [COMMENTS(i)])]],
  },
  {
    name: 'n1-literals',
    why: 'a query per author with inlined values (simple protocol)',
    labels: [n1('FROM posts WHERE author_id')],
    units: [
      [
        q('SELECT id, name FROM authors WHERE team_id = 3'),
        ...times(8, (i) => [{ sql: `SELECT count(*) FROM posts WHERE author_id = ${40 + i}` }]),
      ],
    ],
  },
  {
    name: 'n1-pair',
    why: 'two queries per post, repeated as a pair',
    labels: [{ rule: 'n-plus-one', repeated: ['FROM comments', 'FROM likes'] }],
    units: [
      [POSTS, ...times(7, (i) => [COMMENTS(i), q('SELECT count(*) FROM likes WHERE post_id = $1', 100 + i)])],
    ],
  },
  {
    name: 'n1-interleaved',
    why: 'the loop in one session while two others run unrelated queries',
    labels: [n1('FROM comments')],
    units: [[POSTS, ...times(9, (i) => [COMMENTS(i)])], times(18, noise), times(12, (i) => noise(i + 3))],
  },
  {
    name: 'n1-transaction',
    why: 'the loop inside BEGIN … COMMIT',
    labels: [n1('FROM comments')],
    units: [[{ sql: 'BEGIN' }, POSTS, ...times(6, (i) => [COMMENTS(i)]), { sql: 'COMMIT' }]],
  },
  {
    name: 'n1-two-loops',
    why: 'two different loops one after the other in one session',
    labels: [n1('FROM comments'), n1('FROM profiles')],
    units: [
      [
        POSTS,
        ...times(6, (i) => [COMMENTS(i)]),
        q('SELECT id FROM users WHERE team_id = $1', 2),
        ...times(6, (i) => [q('SELECT bio FROM profiles WHERE user_id = $1', i)]),
      ],
    ],
  },
  {
    name: 'batched-in',
    why: 'chunks of IN (…): already the fix',
    labels: [],
    units: [
      [
        POSTS,
        ...times(6, (i) => [
          { sql: `SELECT id, body FROM comments WHERE post_id IN (${i * 3}, ${i * 3 + 1}, ${i * 3 + 2})` },
        ]),
      ],
    ],
  },
  {
    name: 'batched-any',
    why: 'chunks of = ANY($1): already the fix',
    labels: [],
    units: [
      [
        POSTS,
        ...times(6, (i) => [q('SELECT id, body FROM comments WHERE post_id = ANY($1)', `{${i},${i + 1}}`)]),
      ],
    ],
  },
  {
    name: 'identical-repeats',
    why: 'the same read with the same parameter: a cache miss, not an N+1',
    labels: [{ rule: 'repeated-identical-query', repeated: ['FROM settings'] }],
    units: [times(8, () => [q('SELECT value FROM settings WHERE key = $1', 'theme')])],
  },
  {
    name: 'pagination-keyset',
    why: 'pages of a large table read one after the other (WHERE id > $1 ORDER BY id LIMIT)',
    labels: [],
    units: [
      times(8, (i) => [q('SELECT id, body FROM comments WHERE id > $1 ORDER BY id LIMIT 500', i * 500)]),
    ],
  },
  {
    name: 'pagination-offset',
    why: 'pages by OFFSET',
    labels: [],
    units: [times(8, (i) => [q('SELECT id, body FROM comments ORDER BY id LIMIT 500 OFFSET $1', i * 500)])],
  },
  {
    name: 'different-sessions',
    why: 'one lookup in each of eight sessions: no unit repeats it',
    labels: [],
    units: Array.from({ length: 8 }, (_, i) => [COMMENTS(i)]),
  },
  {
    name: 'below-threshold',
    why: 'three lookups: a loop too short to report',
    labels: [],
    units: [[POSTS, ...times(3, (i) => [COMMENTS(i)])]],
  },
  {
    name: 'write-loop',
    why: 'an INSERT per row: a write loop, not a read N+1',
    labels: [],
    units: [times(8, (i) => [q('INSERT INTO audit (post_id, action) VALUES ($1, $2)', i, 'view')])],
  },
  {
    name: 'health-checks',
    why: 'SELECT 1 from the pool, again and again',
    labels: [],
    units: [times(10, () => [{ sql: 'SELECT 1' }])],
  },
  {
    name: 'pooled-requests',
    why: 'one lookup per web request, six requests a second apart served by one pooled connection: the log cannot tell them from a loop',
    labels: [],
    gapMs: 1000,
    units: [times(6, (i) => [q('SELECT id, email FROM users WHERE id = $1', 700 + i)])],
  },
  {
    name: 'n1-slow-iterations',
    why: 'a query per post where each iteration also does 40 ms of work in the application: still one loop',
    labels: [n1('FROM comments')],
    gapMs: 40,
    units: [[POSTS, ...times(8, (i) => [COMMENTS(i)])]],
  },
  {
    name: 'pooled-busy',
    why: 'one lookup per web request, requests 150 ms apart on one pooled connection',
    labels: [],
    gapMs: 150,
    units: [times(8, (i) => [q('SELECT name FROM teams WHERE id = $1', 30 + i)])],
  },
  {
    name: 'trace-n1',
    kind: 'trace',
    why: 'a query per post under one request span',
    labels: [n1('FROM comments')],
    units: [[POSTS, ...times(10, (i) => [COMMENTS(i)])]],
  },
  {
    name: 'trace-spread',
    kind: 'trace',
    why: 'the same lookup once under each of eight request spans',
    labels: [],
    units: Array.from({ length: 8 }, (_, i) => [POSTS, COMMENTS(i)]),
  },
];

function logOf(file: SetFile): string {
  const lines: string[] = [];
  const queues = file.units.map((u) => [...u]);
  let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
  while (queues.some((u) => u.length > 0))
    queues.forEach((queue, unit) => {
      const query = queue.shift();
      if (!query) return;
      clock += file.gapMs ?? 3;
      const stamp = new Date(clock).toISOString().replace('T', ' ').replace('Z', ' UTC');
      const head = `${stamp} [${4000 + unit}] `;
      const kind = query.values && query.values.length > 0 ? 'execute <unnamed>' : 'statement';
      lines.push(`${head}LOG:  duration: 0.${100 + unit} ms  ${kind}: ${query.sql}`);
      if (query.values && query.values.length > 0)
        lines.push(
          `${head}DETAIL:  parameters: ${query.values.map((v, i) => `$${i + 1} = '${v}'`).join(', ')}`,
        );
    });
  return `${lines.join('\n')}\n`;
}

function traceOf(file: SetFile): string {
  const trace = 'a'.repeat(32);
  const spans = file.units.flatMap((unit, u) =>
    unit.map((query, i) => ({
      traceId: trace,
      spanId: (u * 1000 + i + 1).toString(16).padStart(16, '0'),
      parentSpanId: `f${u.toString(16).padStart(15, '0')}`,
      name: 'pg.query',
      startTimeUnixNano: String(1_767_600_000_000_000_000n + BigInt(u * 1000 + i) * 1_000_000n),
      endTimeUnixNano: String(1_767_600_000_000_000_000n + BigInt(u * 1000 + i) * 1_000_000n + 500_000n),
      attributes: [
        { key: 'db.statement', value: { stringValue: query.sql } },
        ...(query.values
          ? [
              {
                key: 'db.postgresql.values',
                value: { arrayValue: { values: query.values.map((v) => ({ stringValue: v })) } },
              },
            ]
          : []),
      ],
    })),
  );
  return `${JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] }, null, 1)}\n`;
}

const dir = join(import.meta.dirname, 'set');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const labels: Record<string, { why: string; expected: readonly Label[] }> = {};
for (const file of FILES) {
  const name = file.kind === 'trace' ? `${file.name}.json` : `${file.name}.log`;
  writeFileSync(join(dir, name), file.kind === 'trace' ? traceOf(file) : logOf(file));
  labels[name] = { why: file.why, expected: file.labels };
}
writeFileSync(join(dir, 'labels.json'), `${JSON.stringify(labels, null, 2)}\n`);
process.stdout.write(`${dir}: ${FILES.length} files and labels.json\n`);
