import { describe, expect, it } from 'vitest';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import { analyzeEventSources } from '../../src/nplusone/analyze-logs.js';
import { traceSource } from '../../src/nplusone/trace-source.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { TraceFormatError } from '../../src/sources/traces/read-trace.js';
import { tempProject } from '../support/temp-project.js';

/**
 * Spans as the OTLP/HTTP JSON encoding writes them (hex ids, int64 nanoseconds as strings, typed
 * attribute values), with the attributes @opentelemetry/instrumentation-pg sets on a query span.
 */
interface DbSpan {
  readonly trace: string;
  readonly span: string;
  readonly parent: string;
  readonly startMs: number;
  readonly sql: string;
  readonly values?: readonly string[];
}

const T0 = 1_764_000_000_000n * 1_000_000n;
const nano = (ms: number): string => String(T0 + BigInt(Math.round(ms * 1e6)));

function pgSpan(s: DbSpan, semconv: 'old' | 'new' = 'old') {
  const text = semconv === 'old' ? 'db.statement' : 'db.query.text';
  const values =
    s.values === undefined
      ? []
      : semconv === 'old'
        ? [
            {
              key: 'db.postgresql.values',
              value: { arrayValue: { values: s.values.map((v) => ({ stringValue: v })) } },
            },
          ]
        : s.values.map((v, i) => ({ key: `db.query.parameter.${i}`, value: { stringValue: v } }));
  return {
    traceId: s.trace,
    spanId: s.span,
    parentSpanId: s.parent,
    name: `pg.query:${s.sql.split(' ')[0]} blog`,
    kind: 3,
    startTimeUnixNano: nano(s.startMs),
    endTimeUnixNano: nano(s.startMs + 0.4),
    attributes: [
      { key: semconv === 'old' ? 'db.system' : 'db.system.name', value: { stringValue: 'postgresql' } },
      { key: 'db.name', value: { stringValue: 'blog' } },
      { key: 'net.peer.name', value: { stringValue: 'localhost' } },
      { key: 'net.peer.port', value: { intValue: '5432' } },
      { key: text, value: { stringValue: s.sql } },
      ...values,
    ],
    status: { code: 0 },
  };
}

function request(spans: readonly object[], scopeKey = 'scopeSpans') {
  const httpSpan = {
    traceId: '5b8efff798038103d269b633813fc60c',
    spanId: 'eee19b7ec3c1b174',
    parentSpanId: '',
    name: 'GET /authors/:id/posts',
    kind: 2,
    startTimeUnixNano: nano(0),
    endTimeUnixNano: nano(50),
    attributes: [{ key: 'http.request.method', value: { stringValue: 'GET' } }],
  };
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'blog-api' } }] },
        [scopeKey]: [
          { scope: { name: '@opentelemetry/instrumentation-http' }, spans: [httpSpan] },
          { scope: { name: '@opentelemetry/instrumentation-pg', version: '0.44.0' }, spans },
        ],
      },
    ],
  };
}

const POSTS = 'SELECT id, title FROM posts WHERE author_id = $1 ORDER BY created_at DESC LIMIT 20';
const COMMENTS = 'SELECT id, body FROM comments WHERE post_id = $1 ORDER BY created_at';
const TRACE = '5b8efff798038103d269b633813fc60c';
const HTTP = 'eee19b7ec3c1b174';

function loop(trace: string, parent: string, from: number, ids: readonly string[]): DbSpan[] {
  return [
    { trace, span: `${parent.slice(0, 12)}0000`, parent, startMs: from, sql: POSTS, values: ['1'] },
    ...ids.map((id, i) => ({
      trace,
      span: `${parent.slice(0, 12)}${String(i + 1).padStart(4, '0')}`,
      parent,
      startMs: from + 1 + i,
      sql: COMMENTS,
      values: [id],
    })),
  ];
}

async function analyze(file: string) {
  return analyzeEventSources([traceSource(file)], resolveRuleSettings({ rules: {} }, allRuleMetas));
}

describe('n-plus-one in OTLP JSON traces', () => {
  it('finds the loop under one parent span, with its trace, span, cost and fix', async () => {
    const spans = loop(TRACE, HTTP, 1, ['1', '2', '3', '4', '5', '6']).map((s) => pgSpan(s));
    // Exporters do not promise order: the reader sorts by start time.
    const dir = await tempProject({ 'trace.json': JSON.stringify(request(spans.reverse())) });
    const [finding, ...rest] = await analyze(`${dir}/trace.json`);
    expect(rest).toEqual([]);
    expect(finding?.rule).toBe('n-plus-one');
    expect(finding?.data).toMatchObject({
      unit: `trace ${TRACE}, parent span ${HTTP}`,
      count: 6,
      distinctParameters: 6,
      parentQuery: 'SELECT id, title FROM posts WHERE author_id = $1 ORDER BY created_at DESC LIMIT $2',
      repeatedQueries: [COMMENTS],
      firstSpan: 'eee19b7ec3c10001',
    });
    expect(finding?.data?.totalMs).toBeCloseTo(2.4, 5);
    expect(finding?.suggestedSql).toContain('WHERE post_id = ANY($1)');
    expect(finding?.suggestedSql).toContain('LEFT JOIN comments c ON c.post_id = p.id');
  });

  it('JSON lines of requests, the old instrumentationLibrarySpans key and the new db.query.* attributes', async () => {
    const otherTrace = '0af7651916cd43dd8448eb211c80319c';
    const first = loop(TRACE, HTTP, 1, ['1', '2', '3']).map((s) => pgSpan(s, 'new'));
    const second = loop(TRACE, HTTP, 1, ['4', '5', '6'])
      .slice(1)
      .map((s, i) => pgSpan({ ...s, span: `b${i}`, startMs: 10 + i }, 'new'));
    // The same shape in another trace, three times only: traces are never merged.
    const other = loop(otherTrace, 'b7ad6b7169203331', 2, ['1', '2', '3']).map((s) => pgSpan(s));
    const lines = [
      JSON.stringify(request(first, 'instrumentationLibrarySpans')),
      JSON.stringify(request([...second, ...other])),
      'not json at all',
    ];
    const dir = await tempProject({ 'traces.jsonl': `${lines.join('\n')}\n` });
    const found = await analyze(`${dir}/traces.jsonl`);
    expect(found.map((d) => [d.rule, d.data?.count])).toEqual([
      ['n-plus-one', 6],
      ['unsupported-input', 1],
    ]);
    expect(found[1]?.line).toBe(3);
  });

  it('the same span repeated with the same values is repeated-identical-query; a batch or SELECT 1 is nothing', async () => {
    const same = Array.from({ length: 5 }, (_, i) =>
      pgSpan({
        trace: TRACE,
        span: `c${i}`,
        parent: HTTP,
        startMs: i,
        sql: 'SELECT title FROM posts WHERE id = $1',
        values: ['7'],
      }),
    );
    const batch = Array.from({ length: 6 }, (_, i) =>
      pgSpan({
        trace: TRACE,
        span: `d${i}`,
        parent: 'aaaa',
        startMs: i,
        sql: 'SELECT * FROM comments WHERE post_id = ANY($1)',
        values: [`{${i}}`],
      }),
    );
    // A pool's health check, repeated between requests: not a read of anything.
    const pings = Array.from({ length: 8 }, (_, i) =>
      pgSpan({ trace: TRACE, span: `e${i}`, parent: 'bbbb', startMs: i, sql: 'SELECT 1' }),
    );
    const dir = await tempProject({ 'trace.json': JSON.stringify(request([...same, ...batch, ...pings])) });
    const found = await analyze(`${dir}/trace.json`);
    expect(found.map((d) => `${d.rule} ${d.data?.count}`)).toEqual(['repeated-identical-query 5']);
  });

  it('a JSON file that is not a trace is a clear error', async () => {
    const dir = await tempProject({ 'plan.json': JSON.stringify([{ Plan: {} }]) });
    await expect(analyze(`${dir}/plan.json`)).rejects.toThrow(TraceFormatError);
  });
});
