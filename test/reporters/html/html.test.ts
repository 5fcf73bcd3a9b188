import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../src/plan/parse-plan.js';
import { escapeHtml, jsonForScript } from '../../../src/reporters/html/escape.js';
import { renderHtml } from '../../../src/reporters/html.js';
import { finding, report } from '../sample-report.js';
import { HOSTILE, hostileReport, IMG_PAYLOAD, SCRIPT_PAYLOAD } from './hostile.js';

/** The JSON the page embeds for its script, read back as the script reads it. */
function embeddedData(html: string): { plans: { label: string; properties: Record<string, unknown> }[][] } {
  const match = /<script type="application\/json" id="pgvigil-data">([^<]*)<\/script>/.exec(html);
  return JSON.parse(match?.[1] ?? 'null');
}

describe('escaping', () => {
  it('turns every character that could open markup or end an attribute into an entity', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('embeds JSON no HTML parser can break out of, and that reads back unchanged', () => {
    const value = { text: HOSTILE, list: ['&amp;', '\u2029'] };
    const embedded = jsonForScript(value);
    expect(embedded).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(embedded)).toEqual(value);
  });
});

describe('renderHtml with hostile content everywhere', () => {
  const html = renderHtml(hostileReport());

  it('has only its own two script elements and no element made of user content', () => {
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onmouseover="');
    expect(html).not.toContain('href="javascript:');
  });

  it('shows the content as text', () => {
    expect(html).toContain(escapeHtml(SCRIPT_PAYLOAD));
    expect(html).toContain(escapeHtml(`public.${IMG_PAYLOAD}`));
  });

  it('carries plan node properties to the script intact', () => {
    const filter = embeddedData(html).plans[0]?.[1]?.properties.Filter;
    expect(filter).toContain(SCRIPT_PAYLOAD);
  });

  it('allows only its own script by hash and no network at all', () => {
    expect(html).toMatch(
      /Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'/,
    );
  });
});

describe('renderHtml', () => {
  const sql =
    'ALTER TABLE orders\n  ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);\n';
  const html = renderHtml(
    report(
      [
        finding({
          file: 'schema.sql',
          line: 2,
          column: 3,
          endColumn: 17,
          suggestedSql: 'CREATE INDEX ON orders (user_id);',
        }),
        finding({
          rule: 'require-concurrent-index',
          category: 'locking',
          severity: 'info',
          message: 'info only',
        }),
      ],
      { 'schema.sql': sql },
    ),
  );

  it('fails a promise with a warning and passes one with information only', () => {
    expect(html).toMatch(/<a class="card fail" data-promise="foreign-keys-indexed"/);
    expect(html).toMatch(/<a class="card pass" data-promise="migrations-safe"/);
  });

  it('draws the code frame with the carets under the span', () => {
    expect(html).toContain('<span class="gutter">2 |</span>   ADD CONSTRAINT');
    expect(html).toContain(`<span class="carets">   ${'^'.repeat(14)}</span>`);
  });

  it('offers the suggested SQL with a copy button, and the rule filter lists the rules found', () => {
    expect(html).toContain(
      '<button type="button" class="copy">Copy</button></div><pre><code>CREATE INDEX ON orders (user_id);</code></pre>',
    );
    expect(html).toContain('<option value="require-concurrent-index">');
  });
});

describe('plans', () => {
  const plan =
    parsePlan(`Hash Join  (cost=1.00..30.00 rows=10 width=8) (actual time=0.100..9.000 rows=10 loops=1)
  Hash Cond: (a.id = b.id)
  ->  Seq Scan on a  (cost=0.00..20.00 rows=1000 width=4) (actual time=0.010..8.000 rows=1000 loops=1)
  ->  Hash  (cost=0.50..0.50 rows=10 width=4) (actual time=0.050..0.060 rows=10 loops=1)
        ->  Seq Scan on b  (cost=0.00..0.50 rows=10 width=4) (actual time=0.010..0.040 rows=10 loops=1)
Execution Time: 9.100 ms`);
  const html = renderHtml({ ...report([]), plans: [{ mode: 'file', plan }] });

  it('marks the hot path from the root into the child where the time went', () => {
    const hot = [...html.matchAll(/<li class="node hot" data-node="(\d+)"/g)].map((m) => Number(m[1]));
    expect(hot).toEqual([0, 1]);
  });

  it('sizes each bar by the node’s own share of the time', () => {
    // Seq Scan on a: 8 ms of 9 ms.
    expect(html).toMatch(
      /data-node="1"><div class="node-row" tabindex="0">[\s\S]*?<span style="width:88\.9%">/,
    );
  });
});

describe('lock timelines', () => {
  const timeline = finding({
    rule: 'lock-timeline',
    category: 'locking',
    severity: 'info',
    file: 'm.sql',
    line: 2,
    data: {
      spans: [
        { table: 'public.posts', lock: 'AccessExclusiveLock', fromLine: 2, until: 5, lines: [2, 3, 4] },
        { table: 'public.users', lock: 'ShareRowExclusiveLock', fromLine: 3, until: 5, lines: [3, 4] },
      ],
    },
  });
  const sql =
    'BEGIN;\nALTER TABLE posts ADD COLUMN n int DEFAULT random();\nALTER TABLE users ADD FOREIGN KEY (x) REFERENCES t;\nSELECT 1;\nCOMMIT;\n';
  const rewrite = finding({ rule: 'observed-rewrite', category: 'locking', file: 'm.sql', line: 2 });
  const step = finding({
    rule: 'trace-step',
    category: 'locking',
    severity: 'info',
    file: 'm.sql',
    line: 3,
    data: { rewritten: [], tables: [{ relation: 'public.users', seqScans: 1 }] },
  });
  const html = renderHtml(report([timeline, rewrite, step], { 'm.sql': sql }));

  it('has a row per lock and a filled cell for each statement that ran while it was held', () => {
    const rows = [...html.matchAll(/<tr><th class="lock">([\s\S]*?)<\/tr>/g)].map((m) => m[1] ?? '');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('ACCESS EXCLUSIVE');
    expect(rows[0]).toContain('until the COMMIT on line 5');
    expect(rows[0]?.match(/class="held/g)).toHaveLength(3);
    expect(rows[1]?.match(/class="held/g)).toHaveLength(2);
    expect(rows[1]).toContain('<td class="free"></td>');
  });

  it('marks the rewrite a rule reported and the scan the trace saw, on their statements', () => {
    expect(html).toMatch(/data-line="2"><span class="line">line 2<\/span><span class="mark rewrite">/);
    expect(html).toMatch(/data-line="3"><span class="line">line 3<\/span><span class="mark scan">/);
    expect(html).toMatch(/data-line="4"><span class="line">line 4<\/span><code>/);
  });

  it('says a lock of a statement run outside a transaction is held during that statement only', () => {
    const bare = finding({
      ...timeline,
      data: {
        spans: [
          {
            table: 'public.posts',
            lock: 'ShareUpdateExclusiveLock',
            fromLine: 1,
            until: 'end of statement',
            lines: [1],
          },
        ],
      },
    });
    const page = renderHtml(report([bare], { 'm.sql': 'CREATE INDEX CONCURRENTLY i ON posts (n);\n' }));
    expect(page).toContain('from line 1 during that statement only (it runs outside a transaction)');
  });

  it('draws nothing for a timeline whose data is not spans', () => {
    const odd = renderHtml(report([{ ...timeline, data: { spans: 'none' } }]));
    expect(odd).not.toContain('id="timelines"');
  });
});
