// Loads one schema into the embedded engine, then times what `check` does after loading:
// reading the catalog snapshot and running every schema rule. Prints figures as one JSON line.
// Usage: schema-rules.mjs <schema.sql> | --generated <tables>
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const root = new URL('../../', import.meta.url);
const load = (path) => import(new URL(path, root).href);
const { openPglite } = await load('dist/engine/pglite.js');
const { initSql } = await load('dist/sql/parser.js');
const { readCatalog } = await load('dist/catalog/read-catalog.js');
const { schemaRules } = await load('dist/rules/registry.js');

/** n tables, each with two foreign keys to earlier tables: one indexed, one not. Statements, not one script. */
function generatedSchema(tables) {
  const parts = ['CREATE TABLE t0 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);'];
  for (let i = 1; i < tables; i++) {
    const a = Math.floor(i / 2);
    const b = Math.floor(i / 3);
    parts.push(
      `CREATE TABLE t${i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a_id bigint REFERENCES t${a} (id), b_id bigint REFERENCES t${b} (id), note text);`,
      `CREATE INDEX t${i}_a_id_idx ON t${i} (a_id);`,
    );
  }
  return parts;
}

const [arg, count] = process.argv.slice(2);
const scripts = arg === '--generated' ? generatedSchema(Number(count)) : [readFileSync(arg, 'utf8')];
await initSql();
const engine = await openPglite();
for (const script of scripts) await engine.exec(script);
await engine.resetSession();

const started = performance.now();
const catalog = await readCatalog(engine);
const read = performance.now();
let findings = 0;
for (const rule of schemaRules) {
  findings += rule.check({ catalog, thresholds: {}, locate: () => undefined }).length;
}
const checked = performance.now();
process.stdout.write(
  `${JSON.stringify({
    tables: catalog.tables.length,
    foreignKeys: catalog.constraints.filter((c) => c.kind === 'foreign key').length,
    rules: schemaRules.length,
    findings,
    catalogMs: read - started,
    rulesMs: checked - read,
    totalMs: checked - started,
  })}\n`,
);
process.exit(0);
