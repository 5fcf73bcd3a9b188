import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import type { PlanNode } from '../../src/plan/model.js';
import { planNodes } from '../../src/plan/nodes.js';
import { parsePlan } from '../../src/plan/parse-plan.js';
import { PlanFormatError } from '../../src/plan/plan-error.js';
import { describeEachEngine } from '../support/engines.js';

const SEED = `
CREATE TABLE authors (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint NOT NULL REFERENCES authors, status text, score int, body text);
CREATE INDEX posts_author_id ON posts (author_id);
CREATE INDEX posts_score ON posts (score);
INSERT INTO authors SELECT g, 'author ' || g FROM generate_series(1, 500) g;
INSERT INTO posts SELECT g, 1 + g % 500, CASE WHEN g % 10 = 0 THEN 'draft' ELSE 'published' END, g % 1000, repeat('x', 50)
  FROM generate_series(1, 30000) g;`;

/** Queries that make the planner use most node kinds; each runs with the settings before it. */
const QUERIES: readonly (readonly [string, string, string?])[] = [
  ['seq scan with a filter', "SELECT * FROM posts WHERE body LIKE '%y%'"],
  ['index scan', 'SELECT * FROM posts WHERE id = 42'],
  ['index only scan backward with limit', 'SELECT id FROM posts ORDER BY id DESC LIMIT 5'],
  ['bitmap heap scan', "SELECT * FROM posts WHERE score < 20 AND status = 'draft'"],
  [
    'hash join and hash aggregate',
    'SELECT a.name, count(*) FROM posts p JOIN authors a ON a.id = p.author_id GROUP BY a.name',
  ],
  [
    'merge join',
    'SELECT * FROM posts p JOIN authors a ON a.id = p.author_id ORDER BY a.id',
    'SET enable_hashjoin = off; SET enable_nestloop = off',
  ],
  ['nested loop left join', 'SELECT * FROM authors a LEFT JOIN posts p ON p.author_id = a.id WHERE a.id < 3'],
  ['external sort', 'SELECT * FROM posts ORDER BY body, score', "SET work_mem = '64kB'"],
  ['hash join in batches', 'SELECT * FROM posts p JOIN posts q ON q.id = p.id', "SET work_mem = '64kB'"],
  [
    'group aggregate',
    'SELECT author_id, max(score) FROM posts GROUP BY author_id ORDER BY author_id',
    'SET enable_hashagg = off',
  ],
  [
    'subplan',
    'SELECT a.id, (SELECT count(*) FROM posts p WHERE p.author_id = a.id) FROM authors a WHERE a.id < 5',
  ],
  [
    'initplan and CTE',
    'WITH top AS MATERIALIZED (SELECT max(score) AS s FROM posts) SELECT * FROM posts WHERE score = (SELECT s FROM top)',
  ],
  ['append and setop', 'SELECT id FROM authors UNION ALL SELECT id FROM posts WHERE id < 10 EXCEPT SELECT 1'],
  ['window and values', 'SELECT v, row_number() OVER (ORDER BY v) FROM (VALUES (3), (1), (2)) t(v)'],
  ['function scan never executed', 'SELECT * FROM generate_series(1, 3) g WHERE false OR g > (SELECT 5)'],
];

/** What both formats must agree on: everything but timings and memory, which differ run to run. */
function comparable(node: PlanNode): unknown {
  const keep = [
    'Filter',
    'Index Cond',
    'Recheck Cond',
    'Hash Cond',
    'Merge Cond',
    'Join Filter',
    'One-Time Filter',
    'Rows Removed by Filter',
    'Rows Removed by Index Recheck',
    'Sort Key',
    'Sort Method',
    'Sort Space Type',
    'Group Key',
    'Output',
    'Hash Batches',
    'Original Hash Batches',
    'Hash Buckets',
    'Exact Heap Blocks',
    'Lossy Heap Blocks',
    'Heap Fetches',
    'Strategy',
    'Join Type',
  ];
  const { id, title, nodeType, relation, schema, alias, indexName, parallelAware, backward } = node;
  const { parentRelationship, subplanName, startupCost, totalCost, planRows, planWidth, actualRows } = node;
  return {
    id,
    title,
    nodeType,
    relation,
    schema,
    alias,
    indexName,
    parallelAware,
    backward,
    parentRelationship,
    subplanName,
    startupCost,
    totalCost,
    planRows,
    planWidth,
    actualRows,
    actualLoops: node.actualLoops,
    neverExecuted: node.neverExecuted,
    buffers: node.buffers !== undefined,
    // Text leaves out counters that are zero; JSON prints them.
    properties: Object.fromEntries(
      keep.flatMap((k) =>
        k in node.properties && node.properties[k] !== 0 ? [[k, node.properties[k]]] : [],
      ),
    ),
    children: node.children.map(comparable),
  };
}

async function explain(engine: Engine, options: string, sql: string): Promise<string> {
  const { rows } = await engine.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (${options}) ${sql}`);
  const first = rows[0]?.['QUERY PLAN'];
  return (typeof first === 'string' && rows.length > 1) || !/FORMAT JSON/.test(options)
    ? rows.map((row) => String(row['QUERY PLAN'])).join('\n')
    : typeof first === 'string'
      ? first
      : JSON.stringify(first);
}

/** The text plan as psql's aligned output shows it: header, rule, one leading space, row count. */
function asPsql(text: string): string {
  const lines = text.split('\n');
  return [' QUERY PLAN', '-'.repeat(40), ...lines.map((l) => ` ${l}`), `(${lines.length} rows)`].join('\n');
}

describeEachEngine('parsePlan: text and JSON of the same EXPLAIN give the same plan', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await engine.exec(SEED);
    // Separate statements: a multi-statement script is one implicit transaction, and VACUUM refuses those.
    await engine.exec('VACUUM ANALYZE authors');
    await engine.exec('VACUUM ANALYZE posts');
  });
  afterAll(() => engine.close());

  for (const [name, sql, settings] of QUERIES) {
    for (const options of ['ANALYZE, BUFFERS', 'ANALYZE, VERBOSE, SETTINGS', 'COSTS ON']) {
      it(`${name} (${options})`, async () => {
        await engine.exec(`RESET ALL; ${settings ?? ''}`);
        const json = parsePlan(await explain(engine, `${options}, FORMAT JSON`, sql));
        const textOutput = await explain(engine, options, sql);
        const text = parsePlan(textOutput);
        expect(comparable(text.root)).toEqual(comparable(json.root));
        expect(text.analyzed).toBe(json.analyzed);
        expect(text.executionMs === undefined).toBe(json.executionMs === undefined);
        expect(Object.keys(text.settings).sort()).toEqual(Object.keys(json.settings).sort());
        // The same text pasted from psql, with CRLF line ends and tabs, reads the same.
        const pasted = parsePlan(asPsql(textOutput).replace(/\n/g, '\r\n').replace(/ {4}/g, '\t'));
        expect(comparable(pasted.root)).toEqual(comparable(text.root));
      });
    }
  }
});

describeEachEngine('parsePlan: workers and triggers agree between formats', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await engine.exec(SEED);
  });
  afterAll(() => engine.close());

  it('reads the per-worker lines of a parallel plan', async () => {
    await engine.exec(`SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
      SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2`);
    const sql = 'SELECT count(*) FROM posts WHERE score > 10';
    const json = parsePlan(await explain(engine, 'ANALYZE, VERBOSE, FORMAT JSON', sql));
    const text = parsePlan(await explain(engine, 'ANALYZE, VERBOSE', sql));
    await engine.exec('RESET ALL');
    const workers = (plan: typeof json) =>
      planNodes(plan.root).map((node) => node.workers.map((worker) => [worker.number, worker.actualLoops]));
    expect(workers(text)).toEqual(workers(json));
    expect(planNodes(text.root).some((node) => node.parallelAware)).toBe(true);
  });

  it('reads foreign-key trigger times of a write, in a transaction that is rolled back', async () => {
    const sql = 'INSERT INTO posts (id, author_id) SELECT g, 1 FROM generate_series(100001, 100050) g';
    const run = async (format: string) =>
      engine.transaction(async (tx) => parsePlan(await explain(tx, `ANALYZE${format}`, sql)), {
        rollback: true,
      });
    const [json, text] = [await run(', FORMAT JSON'), await run('')];
    expect(text.triggers.map((t) => [t.constraint, t.calls])).toEqual(
      json.triggers.map((t) => [t.constraint, t.calls]),
    );
    expect(text.triggers[0]?.constraint).toBe('posts_author_id_fkey');
    expect(text.triggers[0]?.calls).toBe(50);
  });
});

describe('parsePlan on pasted forms and bad input', () => {
  const TEXT = [
    'Limit  (cost=0.29..0.41 rows=5 width=8) (actual time=0.020..0.023 rows=5 loops=1)',
    '  ->  Index Only Scan Backward using "Posts_pkey" on public."Posts" p  (cost=0.29..780.29 rows=30000 width=8) (actual time=0.019..0.021 rows=5 loops=1)',
    '        Heap Fetches: 0',
    'Planning Time: 0.080 ms',
    'Execution Time: 0.040 ms',
  ].join('\n');

  it('reads the JIT block and the old "Total runtime" line', () => {
    const plan = parsePlan(
      [
        'Aggregate  (cost=1.00..2.00 rows=1 width=8) (actual time=30.1..30.2 rows=1 loops=1)',
        '  ->  Seq Scan on t  (cost=0.00..1.00 rows=100 width=0) (actual time=0.01..0.02 rows=100 loops=1)',
        'JIT:',
        '  Functions: 3',
        '  Options: Inlining false, Optimization false, Expressions true, Deforming true',
        '  Timing: Generation 0.512 ms (Deform 0.100 ms), Inlining 0.000 ms, Optimization 0.3 ms, Emission 4.0 ms, Total 4.812 ms',
        'Total runtime: 35.000 ms',
      ].join('\n'),
    );
    expect(plan.jit).toEqual({ functions: 3, totalMs: 4.812 });
    expect(plan.executionMs).toBe(35);
  });

  it('reads quoted identifiers, schema and alias from a title', () => {
    const scan = parsePlan(TEXT).root.children[0];
    expect(scan).toMatchObject({
      nodeType: 'Index Only Scan',
      backward: true,
      indexName: 'Posts_pkey',
      schema: 'public',
      relation: 'Posts',
      alias: 'p',
      actualRows: 5,
    });
  });

  it('reads a plan copied from pgAdmin (every line quoted) and one inside a table border', () => {
    const quoted = ['"QUERY PLAN"', ...TEXT.split('\n').map((l) => `"${l.replace(/"/g, '""')}"`)].join('\n');
    const bordered = TEXT.split('\n')
      .map((l) => `| ${l} |`)
      .join('\n');
    for (const input of [quoted, bordered]) expect(parsePlan(input).root.children[0]?.relation).toBe('Posts');
  });

  it('reads JSON as psql prints it, with "+" at the end of wrapped lines', () => {
    const json = JSON.stringify([{ Plan: { 'Node Type': 'Result', 'Plan Rows': 1 } }], null, 2);
    const psql = [' QUERY PLAN', '-----------', ...json.split('\n').map((l) => ` ${l} +`), '(1 row)'].join(
      '\n',
    );
    expect(parsePlan(psql).root.nodeType).toBe('Result');
  });

  it('says which line is wrong, and never throws anything but PlanFormatError', () => {
    const bad = `${TEXT.split('\n').slice(0, 2).join('\n')}\n        this is not a plan line`;
    expect(() => parsePlan(bad)).toThrow(/line 3: "this is not a plan line"/);
    for (const input of ['', '   ', '[{"Plan": 1}]', '{"Plan": {', 'Planning Time: 1 ms'])
      expect(() => parsePlan(input)).toThrow(PlanFormatError);
  });
});
