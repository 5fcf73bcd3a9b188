import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccuracyCase, readCases } from '../../bench/accuracy/case-file.js';
import { withCaseFiles } from '../../bench/accuracy/case-files.js';
import { withFewerRows } from '../../bench/accuracy/fewer-rows.js';
import { outcomeOf } from '../../bench/accuracy/score-cases.js';
import { runPgvigilSemantic } from '../../bench/accuracy/tool-pgvigil.js';
import { ruleList } from '../../bench/accuracy/tool-run.js';
import { readTruth } from '../../bench/accuracy/truth-file.js';
import { judge } from '../../bench/accuracy/verdict.js';
import type { Engine } from '../../src/engine/engine.js';
import { openPglite } from '../../src/engine/pglite.js';
import { initSql } from '../../src/sql/parser.js';
import { splitStatements } from '../../src/sql/split.js';
import { resetDatabase } from '../../src/verify/reset-database.js';

const cases = readCases();
const truth = readTruth();

describe('accuracy cases and their measured truth', () => {
  it('has at least 45 cases, each measured', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    expect(truth.cases.map((t) => t.name)).toEqual(cases.map((c) => c.name));
  });

  it('measured the migration as the case file has it now (rerun measure-truth.ts after editing a case)', async () => {
    await initSql();
    for (const c of cases) {
      const measured = truth.cases.find((t) => t.name === c.name);
      const statements = splitStatements(c.migration, c.name).statements.map((s) => s.text);
      // A refused statement in a transaction ends the measurement: later ones never ran.
      expect(statements.slice(0, measured?.statements.length), c.name).toEqual(
        measured?.statements.map((s) => s.sql),
      );
      expect(measured?.inTransaction, c.name).toBe(c.inTransaction);
      expect(measured?.needsCatalog, c.name).toBe(c.needsCatalog);
    }
  });

  it('decides every case: no work outside a transaction went without a sampled lock', () => {
    const undetermined = truth.cases.filter((t) => judge(t).verdict === 'undetermined').map((t) => t.name);
    expect(undetermined).toEqual([]);
  });
});

/**
 * One engine for the file, emptied before each case (as `verify` does), and each setup loaded with
 * at most FEWER_ROWS rows per table: a fresh engine per case and the full setups cost minutes. The
 * bench (npm run bench -- accuracy) still runs every case the way a user does, fresh engine and
 * full setup; the first describe below holds the two ways to the same findings.
 */
let engine: Engine;
beforeAll(async () => {
  engine = await openPglite();
}, 60_000);
afterAll(() => engine?.close());

async function semanticRun(c: AccuracyCase) {
  await resetDatabase(engine);
  await engine.resetSession();
  return withCaseFiles(withFewerRows(c), (files) => runPgvigilSemantic(files, engine));
}

// Cases whose findings turn on the setup's rows (a WHERE that matches some, foreign keys that must find
// theirs, a materialized view's contents) and one that must stay quiet.
const CROSS_CHECKED = [
  'backfill-update-where',
  'fk-validate-same-transaction',
  'refresh-matview-concurrently',
];

describe('the shared engine with fewer rows finds what a fresh engine finds on the full setup', () => {
  for (const name of CROSS_CHECKED) {
    it(name, { timeout: 60_000 }, async () => {
      const c = cases.find((x) => x.name === name);
      if (!c) throw new Error(`no case ${name}`);
      const fresh = await withCaseFiles(c, (files) => runPgvigilSemantic(files));
      expect((await semanticRun(c)).findings).toEqual(fresh.findings);
    });
  }
});

// The promise: semantic mode says "hazard" exactly where PostgreSQL did the hazardous thing, says
// nothing on a safe case, and claims no rewrite or scan on a brief ACCESS EXCLUSIVE one (docs/accuracy.md).
const scored = truth.cases
  .map((t) => ({ judgement: judge(t), c: cases.find((c) => c.name === t.name) }))
  .filter((x) => x.judgement.verdict !== 'undetermined');

describe('pgvigil semantic mode agrees with the measured truth', () => {
  for (const { c, judgement } of scored) {
    if (!c) continue;
    it(`${c.name}: ${judgement.verdict}`, { timeout: 60_000 }, async () => {
      const run = await semanticRun(c);
      expect(run.error, c.name).toBeUndefined();
      const facts = judgement.reasons.join('; ') || 'nothing hazardous was measured';
      const why = `${judgement.verdict} because ${facts}; pgvigil said: ${ruleList(run) || 'nothing'}`;
      expect(outcomeOf(judgement.verdict, run), why).toBe('correct');
    });
  }
});
