import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchCase, type BenchContext, type BenchRow, pgvigil, rowsOf } from '../case.js';
import { measureCommand } from '../measure.js';
import { probeFigures, probeReport } from '../probe-output.js';
import { corpusDir } from './parse-synapse.js';

const GENERATED_TABLES = 2000;

async function row(ctx: BenchContext, name: string, what: string, args: string[], targetMs: number) {
  const spec = {
    command: process.execPath,
    args: [join(ctx.root, 'bench/probes/schema-rules.mjs'), ...args],
    cwd: ctx.root,
  };
  const measured = await measureCommand(spec, ctx.runs);
  const first = measured.samples[0];
  const report = first ? probeReport(first) : {};
  const catalogMs = probeFigures(measured.samples, 'catalogMs').median;
  return {
    name,
    what: `${what}: catalog snapshot + every schema rule, after the engine is up and the schema loaded`,
    pgvigil: pgvigil(probeFigures(measured.samples, 'totalMs')),
    targetMs,
    note: `${report.tables} tables, ${report.foreignKeys} foreign keys, ${report.rules} rules, ${report.findings} findings; catalog read ${Math.round(catalogMs)} ms of it`,
  } satisfies BenchRow;
}

export const schemaRulesCase: BenchCase = {
  name: 'schema-rules',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const synapse = join(corpusDir(ctx.root), 'schemas', 'synapse-72.sql');
    if (existsSync(synapse)) rows.push(await row(ctx, 'schema-rules-synapse', 'synapse-72', [synapse], 1000));
    rows.push(
      await row(
        ctx,
        'schema-rules-generated',
        `generated schema of ${GENERATED_TABLES} tables`,
        ['--generated', String(GENERATED_TABLES)],
        5000,
      ),
    );
    return rowsOf(rows);
  },
};
