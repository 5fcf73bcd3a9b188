import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQueriesInFiles } from '../../../src/sources/code/project-analysis.js';
import { tempProject } from '../../support/temp-project.js';

// The libraries' own declarations, as their packages ship them (a temp project has no node_modules).
const DECLARATIONS = `
declare module 'pg' {
  export class Pool { query(text: string, values?: unknown[]): Promise<{ rows: any[] }>; }
}
declare module 'sequelize' {
  export class Model { static findByPk(id: unknown): Promise<unknown>; }
}
`;

const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext' },
});

const lineOf = (text: string, marker: string): number =>
  text.split('\n').findIndex((line) => line.includes(marker)) + 1;

describe('findQueriesInFiles', () => {
  it('with a tsconfig: receivers known by their type, and functions imported from the project', async () => {
    const main = [
      "import { store as s } from './db.js';",
      "import { commentsOf } from './comments.js';",
      "import { Post } from './post.js';",
      'class Cache { query(key: string): string { return key; } }',
      'export async function run(ids: string[]) {',
      '  const pool = new Cache();',
      '  for (const id of ids) {',
      "    await s.query('SELECT * FROM t WHERE id = $1', [id]); // typed",
      '    await commentsOf(id); // imported',
      '    await Post.findByPk(id); // model',
      '    pool.query(id);',
      '  }',
      '}',
    ].join('\n');
    const dir = await tempProject({
      'tsconfig.json': TSCONFIG,
      'types.d.ts': DECLARATIONS,
      'src/db.ts': "import { Pool } from 'pg';\nexport const store = new Pool();\n",
      'src/comments.ts':
        "import { store } from './db.js';\nexport async function commentsOf(id: string) {\n  return (await store.query('SELECT * FROM comments WHERE post_id = $1', [id])).rows;\n}\n",
      'src/post.ts': "import { Model } from 'sequelize';\nexport class Post extends Model {}\n",
      'src/main.ts': main,
    });
    const file = join(dir, 'src/main.ts');
    const found = (await findQueriesInFiles([file])).get(file)?.found ?? [];
    expect(found.map((f) => [f.line, f.library, f.via?.name])).toEqual([
      [lineOf(main, '// typed'), 'node-postgres', undefined],
      [lineOf(main, '// imported'), 'node-postgres', 'commentsOf'],
      [lineOf(main, '// model'), 'Sequelize', undefined],
    ]);
    expect(found[1]?.via).toMatchObject({
      file: join(dir, 'src/comments.ts'),
      line: 3,
      call: 'store.query(',
    });
  });

  it('without a tsconfig: names and imports decide, and a name that says nothing is left alone', async () => {
    const main =
      "import { store as s } from './db.js';\nfor (const id of ids) await s.query('SELECT 1');\nfor (const id of ids) await pool.query('SELECT 1');\n";
    const dir = await tempProject({ 'package.json': '{}', 'src/main.js': main });
    const file = join(dir, 'src/main.js');
    const result = await findQueriesInFiles([file]);
    expect(result.get(file)?.found.map((f) => f.line)).toEqual([3]);
    expect(result.get(file)?.text).toBe(main);
  });
});
