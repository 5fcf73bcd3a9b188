import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

describe('pgvigil n1 on source folders', () => {
  it("finds examples/blog's loop at the call, with the loop's line and the batch form", async () => {
    const { code, stdout, stderr } = await cli('n1', 'examples/blog/app', '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [finding, ...rest]: Diagnostic[] = JSON.parse(stdout).diagnostics;
    expect(rest).toEqual([]);
    const lines = (await readFile('examples/blog/app/src/posts.ts', 'utf8')).split('\n');
    expect(finding?.file).toBe('examples/blog/app/src/posts.ts');
    expect(lines[(finding?.line ?? 0) - 1]).toContain('await pool.query');
    expect(lines[Number(finding?.data?.loopLine) - 1]).toContain('for (const post of posts.rows)');
    expect(finding?.help).toContain('WHERE post_id = ANY($1)');
  });

  it('reads folders and single files, skips node_modules, and shows the code in text output', async () => {
    const loop = 'for (const id of ids) {\n  await prisma.user.findUnique({ where: { id } });\n}\n';
    const dir = await tempProject({
      'src/a.ts': loop,
      'src/node_modules/lib/index.js': loop,
      'src/types.d.ts': loop,
      'one.mjs': `async function f(ids) {\n${loop}}\n`,
    });
    const { stdout } = await cli('n1', `${dir}/src`, `${dir}/one.mjs`, '--format', 'json');
    const found: Diagnostic[] = JSON.parse(stdout).diagnostics;
    expect(found.map((d) => `${d.file?.slice(dir.length)}:${d.line}`).sort()).toEqual([
      '/one.mjs:3',
      '/src/a.ts:2',
    ]);
    expect(found.find((d) => d.file?.endsWith('a.ts'))?.help).toContain(
      'findMany({ where: { postId: { in: ids } } })',
    );
    const text = await cli('n1', `${dir}/src`);
    expect(text.stdout).toContain('prisma.user.findUnique');
  });

  it('reports a call through a function of the project at the loop, naming the function and its query', async () => {
    const dir = await tempProject({
      'package.json': '{}',
      'src/load.js':
        "import { Pool } from 'pg';\nconst store = new Pool();\nexport async function commentsOf(id) {\n  return (await store.query('SELECT * FROM comments WHERE post_id = $1', [id])).rows;\n}\n",
      'src/feed.js':
        "import { commentsOf } from './load.js';\nexport async function feed(posts) {\n  for (const post of posts) post.comments = await commentsOf(post.id);\n}\n",
      'tsconfig.json': '{ "compilerOptions": { "allowJs": true, "module": "NodeNext" } }',
    });
    const { stdout } = await cli('n1', `${dir}/src/feed.js`, '--format', 'json');
    const [finding, ...rest]: Diagnostic[] = JSON.parse(stdout).diagnostics;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'no-query-in-loop',
      line: 3,
      data: { loopLine: 3, library: 'node-postgres' },
    });
    expect(finding?.data?.via).toMatchObject({ name: 'commentsOf', line: 4, call: 'store.query(' });
    expect(finding?.message).toContain('commentsOf() queries with `store.query(…` at load.js:4');
  });

  it('check reports loops in the project code (app/, src/, lib/, server/); lint judges migrations only', async () => {
    const dir = await tempProject({
      'schema.sql': 'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);\n',
      'migrations/000001_a.up.sql': 'ALTER TABLE t ADD COLUMN n int;\n',
      'server/jobs.js': 'for (const id of ids) {\n  await knex.select("*").from("t").where({ id });\n}\n',
      'scripts/seed.js': 'for (const id of ids) await pool.query("SELECT 1");\n',
    });
    const check: Diagnostic[] = JSON.parse((await cli('check', dir, '--format', 'json')).stdout).diagnostics;
    expect(check.map((d) => `${d.rule} ${d.file?.slice(dir.length)}:${d.line}`)).toEqual([
      'no-query-in-loop /server/jobs.js:2',
    ]);
    const lint: Diagnostic[] = JSON.parse((await cli('lint', dir, '--format', 'json')).stdout).diagnostics;
    expect(lint.filter((d) => d.rule === 'no-query-in-loop')).toEqual([]);
  });
});
