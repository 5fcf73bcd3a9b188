import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_COPY_DATA } from '../../src/engine/copy-from-stdin.js';
import type { Engine } from '../../src/engine/engine.js';
import { runStatement } from '../../src/engine/run-statement.js';
import { sqlFileFrom } from '../../src/project/sql-file.js';
import { initSql } from '../../src/sql/parser.js';
import { describeEachEngine } from '../support/engines.js';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const DUMP = `CREATE TABLE accounts (id int PRIMARY KEY, email text, "from stdin" text);
COPY accounts (id, email, "from stdin") FROM stdin;
1\tann@example.com\tx
2\t\\N\ty
\\.
COPY accounts FROM STDIN WITH (FORMAT csv, HEADER true);
id,email,from stdin
3,"bo, the second",z
\\.
`;

describeEachEngine('COPY … FROM STDIN', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    await initSql();
    engine = await open();
  });
  afterAll(() => engine.close());

  it('loads the rows that follow it in the file, in text and csv format', async () => {
    for (const statement of sqlFileFrom('dump.sql', DUMP).split.statements)
      await runStatement(engine, statement);
    const { rows } = await engine.query<{ id: number; email: string | null }>(
      'SELECT id, email FROM accounts ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, email: 'ann@example.com' },
      { id: 2, email: null },
      { id: 3, email: 'bo, the second' },
    ]);
  });

  it('without rows it is refused at once with what to do, and the engine goes on', async () => {
    await expect(runStatement(engine, 'COPY accounts FROM STDIN')).rejects.toThrow(NO_COPY_DATA);
    // A quoted "stdin" is a column, not the keyword: nothing to refuse.
    await expect(engine.exec('SELECT "from stdin" FROM accounts')).resolves.toBeUndefined();
    expect((await engine.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts')).rows).toEqual([
      { n: 3 },
    ]);
  });
});

describe('a migration with COPY … FROM STDIN', () => {
  it('is applied with its rows on the embedded engine, and the migrations after it are judged', async () => {
    const dir = await tempProject({
      'schema.sql': DUMP,
      'migrations/001_more.sql': 'COPY accounts (id, email) FROM STDIN;\n4\t\\N\n\\.\n',
      'migrations/002_not_null.sql': 'ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;\n',
    });
    const { code, stdout } = await cli(
      'lint',
      '--schema',
      `${dir}/schema.sql`,
      `${dir}/migrations`,
      '--format',
      'json',
    );
    const found = JSON.parse(stdout).diagnostics as { rule: string; file: string; message: string }[];
    // The NULL emails of the dump and of the COPY in 001 are really there: SET NOT NULL fails on them.
    const failed = found.find((d) => d.file.endsWith('002_not_null.sql') && d.rule === 'statement-failed');
    expect(failed?.message).toContain('contains null values');
    expect(found.filter((d) => d.file.endsWith('001_more.sql'))).toEqual([]);
    expect(code).toBe(1);
  });
});
