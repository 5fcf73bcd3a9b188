import { type BenchCase, sectionOf } from '../case.js';
import { type FileScore, SCORED_RULES, scoreSet } from '../n1/score-set.js';

const ABOUT = `The labelled set in \`bench/n1/set/\` (written by \`bench/n1/write-set.ts\`; \`labels.json\` says what each
file should give): stderr logs and OTLP traces with planted N+1 loops (prepared and inlined, pairs, in a
transaction, interleaved with other sessions, two loops in a row, in a trace) and look-alikes that are not
one (chunks of \`IN (…)\` and \`= ANY($1)\`, pagination by keyset and by OFFSET, one lookup per session or per
span, loops below the threshold, write loops, pool health checks, one pooled connection serving
requests a pause apart, and a loop whose iterations also do slow work). Each file is analyzed as \`pgvigil n1\`
does, with the default settings. For no-query-in-loop, the code samples of \`bench/n1/code/\` (its README):
JavaScript and TypeScript over node-postgres, postgres.js, Prisma, Drizzle, Knex, Kysely, TypeORM, Sequelize and
Supabase, each line that sends one query per item of a loop marked \`// n+1\` (direct, through a helper, fanned out
with Promise.all, typed through a tsconfig) beside look-alikes (batches with IN / ANY / inArray / whereIn / .in(),
builders made in a loop and run once, writes in loops, Prisma's batched findUnique, array methods, GraphQL and
MongoDB clients, a query in \`.then\`, in strings and comments); that folder is analyzed as \`pgvigil n1 <dir>\` does.`;

const ratio = (num: number, den: number): string => (den === 0 ? '—' : (num / den).toFixed(2));

function totals(scores: readonly FileScore[]): string {
  const rows = SCORED_RULES.map((rule) => {
    const mine = scores.filter((s) => s.rule === rule);
    const tp = mine.reduce((n, s) => n + s.truePositives, 0);
    const fp = mine.reduce((n, s) => n + s.falsePositives.length, 0);
    const fn = mine.reduce((n, s) => n + s.missed.length, 0);
    return `| ${rule} | ${tp} | ${fp} | ${fn} | ${ratio(tp, tp + fp)} | ${ratio(tp, tp + fn)} |`;
  });
  return [
    '| rule | true positives | false positives | missed | precision | recall |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function errors(scores: readonly FileScore[]): string {
  const wrong = scores.flatMap((s) => [
    ...s.falsePositives.map((m) => `- ${s.file} (${s.why}): false ${s.rule}: ${m}`),
    ...s.missed.map((m) => `- ${s.file} (${s.why}): missed ${s.rule}: ${m}`),
  ]);
  return wrong.length === 0 ? 'No file was scored wrong.' : wrong.join('\n');
}

/** N+1 precision and recall on the labelled set (issue 7: at least 0.95 for both). */
export const n1Accuracy: BenchCase = {
  name: 'n1-accuracy',
  async run() {
    const scores = await scoreSet();
    const files = new Set(scores.map((s) => s.file)).size;
    return sectionOf(
      'N+1 precision and recall',
      [`${ABOUT} ${files} files.`, totals(scores), errors(scores)].join('\n\n'),
    );
  },
};
