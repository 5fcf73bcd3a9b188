import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse-plan.js';
import { PlanFormatError } from '../../src/plan/plan-error.js';

/** A real text plan with the shapes pasted plans have: nesting, subplans, workers, details, summary. */
const PLAN = [
  'Gather Merge  (cost=1000.44..2000.51 rows=10 width=12) (actual time=3.1..5.2 rows=10 loops=1)',
  '  Workers Planned: 2',
  '  Workers Launched: 1',
  '  ->  Sort  (cost=0.41..0.42 rows=4 width=12) (actual time=1.1..1.2 rows=5 loops=2)',
  '        Sort Key: p.score DESC',
  '        Sort Method: external merge  Disk: 1024kB',
  '        Worker 0:  actual time=1.0..1.1 rows=4 loops=1',
  '          Sort Method: quicksort  Memory: 25kB',
  '        ->  Parallel Seq Scan on public.posts p  (cost=0.00..0.40 rows=4 width=12) (actual time=0.1..0.9 rows=5 loops=2)',
  "              Filter: (p.status = 'draft'::text)",
  '              Rows Removed by Filter: 9995',
  '              Buffers: shared hit=10 read=200, temp read=5 written=6',
  '              SubPlan 1',
  '                ->  Index Scan using authors_pkey on authors a  (cost=0.29..8.30 rows=1 width=8) (never executed)',
  '                      Index Cond: (a.id = p.author_id)',
  'Planning Time: 0.5 ms',
  'Execution Time: 5.5 ms',
].join('\n');

/** parsePlan either reads a plan or says why not: any other exception is a crash. */
function readsOrExplains(input: string): boolean {
  try {
    parsePlan(input);
    return true;
  } catch (error) {
    if (!(error instanceof PlanFormatError)) throw error;
    return error.message.length > 0;
  }
}

describe('parsePlan never crashes', () => {
  it('reads the sample plan', () => {
    expect(parsePlan(PLAN).root.children[0]?.children[0]?.children[0]?.subplanName).toBe('SubPlan 1');
  });

  it('on arbitrary strings and bytes decoded as text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), readsOrExplains), { numRuns: 2000 });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) =>
        readsOrExplains(new TextDecoder().decode(bytes)),
      ),
      { numRuns: 1000 },
    );
  });

  it('on the sample plan with lines dropped, duplicated, cut, re-indented or mangled', () => {
    const lines = PLAN.split('\n');
    const mutation = fc.array(
      fc.record({
        line: fc.nat({ max: lines.length - 1 }),
        kind: fc.constantFrom('drop', 'dup', 'cut', 'indent', 'garbage', 'unquote'),
        amount: fc.nat({ max: 40 }),
        text: fc.string({ maxLength: 12 }),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(mutation, (mutations) => {
        const out = [...lines];
        for (const { line, kind, amount, text } of mutations) {
          const current = out[line % out.length] ?? '';
          const at = line % out.length;
          if (kind === 'drop') out.splice(at, 1);
          else if (kind === 'dup') out.splice(at, 0, current);
          else if (kind === 'cut') out[at] = current.slice(0, amount);
          else if (kind === 'indent') out[at] = `${' '.repeat(amount)}${current.trimStart()}`;
          else if (kind === 'garbage') out[at] = `${current.slice(0, amount)}${text}${current.slice(amount)}`;
          else out[at] = current.replace(/[()]/g, '');
        }
        return readsOrExplains(out.join('\n'));
      }),
      { numRuns: 3000 },
    );
  });

  it('on JSON plans with wrong types in every field', () => {
    const value = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()));
    const node = fc.dictionary(
      fc.constantFrom('Node Type', 'Plans', 'Actual Loops', 'Plan Rows', 'Workers', 'Relation Name'),
      value,
    );
    fc.assert(
      fc.property(
        node,
        fc.dictionary(fc.constantFrom('Plan', 'Triggers', 'JIT', 'Settings'), value),
        (plan, top) => readsOrExplains(JSON.stringify([{ ...top, Plan: plan }])),
      ),
      { numRuns: 2000 },
    );
  });

  it('on a very deep plan and very long lines, in linear time', () => {
    const deep = Array.from(
      { length: 3000 },
      (_, i) => `${' '.repeat(i * 2)}${i === 0 ? '' : '->  '}Result  (cost=0.00..0.01 rows=1 width=4)`,
    ).join('\n');
    expect(() => parsePlan(deep)).toThrow(/nests more than 400 levels/);
    expect(
      readsOrExplains(`Result  (cost=0.00..0.01 rows=1 width=4)\n  Filter: ${'x'.repeat(1_000_000)}`),
    ).toBe(true);
  });
});
