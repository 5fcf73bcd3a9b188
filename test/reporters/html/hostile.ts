import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { parsePlan } from '../../../src/plan/parse-plan.js';
import type { Report } from '../../../src/reporters/report.js';
import { allRuleMetas } from '../../../src/rules/registry.js';

/** Sets a global flag when it runs: any of these executing in the page is a hole in the escaping. */
export const SCRIPT_PAYLOAD = '</script><script>window.__pwned = "script"</script>';
export const IMG_PAYLOAD = '<img src=x onerror="window.__pwned = \'img\'">';
export const ATTR_PAYLOAD = '" onmouseover="window.__pwned = \'attr\'" x="';
export const HOSTILE = `${SCRIPT_PAYLOAD}${IMG_PAYLOAD}${ATTR_PAYLOAD}\u2028<!--`;

const FILE = `migrations/${ATTR_PAYLOAD}.sql`;
const SQL = `SELECT * FROM posts WHERE title = '${SCRIPT_PAYLOAD}';\nSELECT '${IMG_PAYLOAD}';\n`;

/** A plan as EXPLAIN ANALYZE prints it, for a query whose literal is a script. */
export const HOSTILE_PLAN_TEXT = `Limit  (cost=0.00..25.88 rows=6 width=36) (actual time=0.010..0.050 rows=0 loops=1)
  ->  Seq Scan on posts  (cost=0.00..25.88 rows=6 width=36) (actual time=0.009..0.049 rows=0 loops=1)
        Filter: (title = '${SCRIPT_PAYLOAD}${IMG_PAYLOAD}'::text)
        Rows Removed by Filter: 1000
Planning Time: 0.100 ms
Execution Time: 0.080 ms`;

function hostileFinding(overrides: Partial<Diagnostic>): Diagnostic {
  return {
    rule: 'seq-scan-large-table',
    category: 'performance',
    severity: 'warning',
    message: `message ${HOSTILE}`,
    why: `why ${HOSTILE}`,
    help: `help ${HOSTILE}`,
    suggestedSql: `CREATE INDEX ON posts (title); -- ${HOSTILE}`,
    file: FILE,
    line: 1,
    column: 1,
    ...overrides,
  };
}

/** Every field a reporter prints carries markup; the docs link tries javascript:. */
export function hostileReport(): Report {
  return {
    diagnostics: [
      hostileFinding({}),
      hostileFinding({
        rule: `no-such-rule-${IMG_PAYLOAD}`,
        severity: 'error',
        line: 2,
        docsUrl: 'javascript:window.__pwned="href"',
      }),
      hostileFinding({
        rule: 'lock-timeline',
        category: 'locking',
        severity: 'info',
        data: {
          spans: [
            {
              table: `public.${IMG_PAYLOAD}`,
              lock: 'AccessExclusiveLock',
              fromLine: 1,
              until: 'end of migration',
              lines: [1, 2],
            },
          ],
        },
      }),
    ],
    rules: allRuleMetas,
    sources: new Map([[FILE, SQL]]),
    filesChecked: 1,
    tool: { name: 'pgvigil', version: '0.0.0-test' },
    plans: [{ label: `${FILE}:1`, mode: `analyzed ${IMG_PAYLOAD}`, plan: parsePlan(HOSTILE_PLAN_TEXT) }],
  };
}
