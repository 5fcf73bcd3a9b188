import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter, RuleTester } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/eslint/index.js';
import { tempProject } from '../support/temp-project.js';

const JS = `import pg from 'pg';
const pool = new pg.Pool();
export async function latest(posts) {
  for (const post of posts) {
    post.comments = (await pool.query('SELECT * FROM comments WHERE post_id = $1', [post.id])).rows;
  }
  return posts;
}
`;

const TS = `import { PrismaClient } from '@prisma/client';
const db: PrismaClient = new PrismaClient();
async function authorOf(id: string): Promise<unknown> {
  return db.author.findFirst({ where: { id } });
}
export async function authors(ids: readonly string[]) {
  return Promise.all(ids.map(async (id) => authorOf(id)));
}
`;

describe('pgvigil/no-query-in-loop', () => {
  it('reports at the call with the loop line and the batch form (espree, recommended config)', () => {
    const messages = new Linter().verify(JS, [plugin.configs.recommended], { filename: 'posts.js' });
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message).toMatchObject({ ruleId: 'pgvigil/no-query-in-loop', severity: 1, line: 5 });
    expect(JS.split('\n')[4]?.slice((message?.column ?? 0) - 1)).toMatch(/^pool\.query\(/);
    expect(message?.message).toContain('for…of loop at line 4');
    expect(message?.message).toContain('= ANY($1)');
  });

  it('reads TypeScript through @typescript-eslint/parser, and follows a function of the same file', () => {
    const config: Linter.Config = {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { pgvigil: plugin },
      rules: { 'pgvigil/no-query-in-loop': 'error' },
    };
    const [message, ...rest] = new Linter().verify(TS, [config], { filename: 'authors.ts' });
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ severity: 2, line: 7 });
    expect(TS.split('\n')[6]?.slice((message?.column ?? 0) - 1)).toMatch(/^authorOf\(id\)/);
    expect(message?.message).toContain('authorOf() queries with `db.author.findFirst(…` at line 4');
    expect(message?.message).toContain('{ in: ids }');
  });

  it('with typed linting, knows a handle by its type and follows an imported function', async () => {
    const report = [
      "import { store } from './db.js';",
      "import { balanceOf } from './balance.js';",
      'export async function run(ids: string[]) {',
      '  for (const id of ids) {',
      "    await store.query('SELECT * FROM t WHERE id = $1', [id]);",
      '    await balanceOf(id);',
      '  }',
      '}',
    ].join('\n');
    const dir = await tempProject({
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext' },
        include: ['*.ts'],
      }),
      'pg.d.ts':
        "declare module 'pg' { export class Pool { query(t: string, v?: unknown[]): Promise<{ rows: any[] }>; } }",
      'db.ts': "import { Pool } from 'pg';\nexport const store = new Pool();\n",
      'balance.ts':
        "import { store } from './db.js';\nexport async function balanceOf(id: string) {\n  return store.query('SELECT 1 FROM b WHERE id = $1', [id]);\n}\n",
      'report.ts': report,
    });
    const config: Linter.Config = {
      files: ['**/*.ts'],
      languageOptions: {
        parser: tsParser,
        parserOptions: { project: './tsconfig.json', tsconfigRootDir: dir },
      },
      plugins: { pgvigil: plugin },
      rules: { 'pgvigil/no-query-in-loop': 'warn' },
    };
    const typed = new Linter({ cwd: dir }).verify(report, [config], { filename: join(dir, 'report.ts') });
    expect(typed.map((m) => m.line)).toEqual([5, 6]);
    expect(typed[1]?.message).toContain('balanceOf() queries with `store.query(…` at balance.ts:3');
    // Without the program the names say nothing: `store` is no database name and the helper is in another file.
    const untyped = new Linter({ cwd: dir }).verify(
      report,
      [{ ...config, languageOptions: { parser: tsParser } }],
      {
        filename: join(dir, 'report.ts'),
      },
    );
    expect(untyped).toEqual([]);
  });

  it('keeps to the libraries the option names', () => {
    const only = (libraries: string[]) =>
      new Linter().verify(
        JS,
        [{ plugins: { pgvigil: plugin }, rules: { 'pgvigil/no-query-in-loop': ['warn', { libraries }] } }],
        {
          filename: 'posts.js',
        },
      );
    expect(only(['Prisma'])).toEqual([]);
    expect(only(['node-postgres'])).toHaveLength(1);
    expect(() => only(['MongoDB'])).toThrow(/pgvigil\/no-query-in-loop/);
  });

  it('finds examples/blog N+1 and nothing in its fixed twin', async () => {
    const posts = await readFile('examples/blog/app/src/posts.ts', 'utf8');
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
      plugin.configs.recommended,
    ];
    const messages = new Linter().verify(posts, config, { filename: 'examples/blog/app/src/posts.ts' });
    const marker = posts.split('\n').findIndex((line) => line.includes('expect: no-query-in-loop')) + 1;
    expect(messages.map((m) => m.line)).toEqual([marker + 1]);
  });

  it('passes ESLint RuleTester (valid and invalid cases)', () => {
    new RuleTester().run('no-query-in-loop', plugin.rules['no-query-in-loop'], {
      valid: [
        "const rows = await knex('users').whereIn('id', ids);",
        'for (const id of ids) parts.push(knex("users").where({ id }));',
        'pool.query("SELECT 1").then((r) => pool.query("SELECT 2"));',
        '// for (const id of ids) await pool.query("SELECT 1")\nconst s = "for (x of y) await db.query(q)";',
      ],
      invalid: [
        {
          code: "for (const id of ids) {\n  const { data } = await supabase.from('comments').select('*').eq('post_id', id);\n}",
          errors: [{ messageId: 'queryInLoop', line: 2, column: 26 }],
        },
        {
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the linted code's own template, as text.
          code: 'let id = 0;\ndo {\n  id = (await sql`SELECT next FROM t WHERE id = ${id}`)[0].next;\n} while (id);',
          errors: [{ messageId: 'queryInLoop', line: 3, column: 15 }],
        },
      ],
    });
    expect(plugin.meta).toMatchObject({ name: 'pgvigil', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});
