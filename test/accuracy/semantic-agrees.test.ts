import { describe, expect, it } from 'vitest';
import { readCases } from '../../bench/accuracy/case-file.js';
import { withCaseFiles } from '../../bench/accuracy/case-files.js';
import { outcomeOf } from '../../bench/accuracy/score-cases.js';
import { runPgvigilSemantic } from '../../bench/accuracy/tool-pgvigil.js';
import { ruleList } from '../../bench/accuracy/tool-run.js';
import { readTruth } from '../../bench/accuracy/truth-file.js';
import { judge } from '../../bench/accuracy/verdict.js';
import { initSql } from '../../src/sql/parser.js';
import { splitStatements } from '../../src/sql/split.js';

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
    }
  });

  it('decides every case: no work outside a transaction went without a sampled lock', () => {
    const undetermined = truth.cases.filter((t) => judge(t).verdict === 'undetermined').map((t) => t.name);
    expect(undetermined).toEqual([]);
  });
});

// The promise: semantic mode says "hazard" exactly where PostgreSQL did the hazardous thing. Only
// hazardous and safe verdicts are scored (docs/accuracy.md says why the brief ACCESS EXCLUSIVE is not).
const scored = truth.cases
  .map((t) => ({ truth: t, judgement: judge(t), c: cases.find((c) => c.name === t.name) }))
  .filter((x) => x.c && (x.judgement.verdict === 'hazardous' || x.judgement.verdict === 'safe'));

describe('pgvigil semantic mode agrees with the measured truth', () => {
  for (const { c, judgement } of scored) {
    if (!c) continue;
    it(`${c.name}: ${judgement.verdict}`, { timeout: 120_000 }, async () => {
      const run = await withCaseFiles(c, (files) => runPgvigilSemantic(files));
      expect(run.error, c.name).toBeUndefined();
      const facts = judgement.reasons.join('; ') || 'nothing hazardous was measured';
      const why = `${judgement.verdict} because ${facts}; pgvigil said: ${ruleList(run) || 'nothing'}`;
      expect(outcomeOf(judgement.verdict, run), why).toBe('correct');
    });
  }
});
