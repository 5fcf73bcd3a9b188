import { expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { checkProject } from '../support/check-project.js';

const SCHEMA = `CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint);
CREATE INDEX posts_user_id_idx ON posts (user_id);
`;
const RULE = 'ban-validate-in-same-transaction';
const ADD =
  'ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;';
const VALIDATE = 'ALTER TABLE posts VALIDATE CONSTRAINT posts_user_fk;';
const mine = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.rule === RULE);

describeSchemaRule(RULE, (engine) => {
  it('reports VALIDATE in the transaction of the NOT VALID add: the ADD’s lock is held through the scan', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_fk.up.sql': `${ADD}\n${VALIDATE}\n`,
    });
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([[RULE, 2]]);
    expect(diagnostics[0]?.data).toMatchObject({ table: 'public.posts', lock: 'ShareRowExclusiveLock' });
    expect(diagnostics[0]?.suggestedSql).toBe(VALIDATE);
    expect(diagnostics[0]?.help).toContain('a migration file of its own');
  });

  it('leaves alone the two steps in separate migrations', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_fk.up.sql': `${ADD}\n`,
      'migrations/000002_validate.up.sql': `${VALIDATE}\n`,
    });
    expect(diagnostics.map((d) => d.rule)).toEqual([]);
  });

  it('leaves alone both steps on a table created in the same migration', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_likes.up.sql':
        'CREATE TABLE likes (id bigint PRIMARY KEY, n int);\nALTER TABLE likes ADD CONSTRAINT likes_n_check CHECK (n > 0) NOT VALID;\nALTER TABLE likes VALIDATE CONSTRAINT likes_n_check;\n',
    });
    expect(mine(diagnostics)).toEqual([]);
  });

  it('leaves alone the two steps in one file when its own COMMIT separates them', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/001_fk.sql': `BEGIN;\n${ADD}\nCOMMIT;\nBEGIN;\n${VALIDATE}\nCOMMIT;\n`,
    });
    expect(mine(diagnostics)).toEqual([]);
  });
});
