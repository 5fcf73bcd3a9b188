import { expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { checkProject } from '../support/check-project.js';
import { checkRecipe } from './support/recipe-project.js';

const SCHEMA = `CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint, score int);
CREATE INDEX posts_user_id_idx ON posts (user_id);
`;
const RULE = 'require-not-valid-constraint';
const rules = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.rule);
const migration = (sql: string) => ({ 'schema.sql': SCHEMA, 'migrations/000001_c.up.sql': `${sql}\n` });

describeSchemaRule(RULE, (engine) => {
  it('reports a foreign key validated on an existing table, with both locks seen, and its fix runs clean', async () => {
    const { diagnostics } = await checkProject(
      engine,
      migration(
        'ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
      ),
    );
    expect(rules(diagnostics)).toEqual([RULE]);
    const [finding] = diagnostics;
    expect(finding?.data).toMatchObject({
      table: 'public.posts',
      lock: 'ShareRowExclusiveLock',
      referenced: [{ table: 'public.users', lock: 'ShareRowExclusiveLock' }],
      observed: true,
    });
    expect(Number(finding?.data?.rowsRead)).toBeGreaterThan(0);
    expect(finding?.suggestedSql).toContain(
      'ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;',
    );
    expect(finding?.suggestedSql).toContain('ALTER TABLE posts VALIDATE CONSTRAINT posts_user_fk;');
    expect(rules(await checkRecipe(engine, SCHEMA, finding?.suggestedSql))).toEqual([]);
  });

  it('reports a CHECK under ACCESS EXCLUSIVE, named as PostgreSQL names it', async () => {
    const { diagnostics } = await checkProject(
      engine,
      migration('ALTER TABLE posts ADD CHECK (score >= 0);'),
    );
    expect(rules(diagnostics)).toEqual([RULE]);
    expect(diagnostics[0]?.data).toMatchObject({ lock: 'AccessExclusiveLock', referenced: [] });
    expect(diagnostics[0]?.message).toContain('reads included');
    expect(rules(await checkRecipe(engine, SCHEMA, diagnostics[0]?.suggestedSql))).toEqual([]);
    // The recipe's name is the one PostgreSQL would have chosen.
    expect(diagnostics[0]?.suggestedSql).toContain('VALIDATE CONSTRAINT posts_score_check;');
  });

  it('leaves alone NOT VALID, and a new nullable FK column (PostgreSQL does not scan it)', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_a.up.sql':
        'ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n',
      'migrations/000002_b.up.sql': 'ALTER TABLE posts ADD COLUMN editor_id bigint REFERENCES users (id);\n',
    });
    expect(rules(diagnostics).filter((r) => r === RULE)).toEqual([]);
  });

  it('reports a CHECK on a new column (its rows are checked), and moves the constraint out of ADD COLUMN', async () => {
    const { diagnostics } = await checkProject(
      engine,
      migration(
        'ALTER TABLE posts ADD COLUMN rank int CONSTRAINT rank_positive CHECK (rank >= 0) NOT NULL DEFAULT 0;',
      ),
    );
    const finding = diagnostics.find((d) => d.rule === RULE);
    expect(finding?.suggestedSql?.split('\n').slice(0, 2)).toEqual([
      'ALTER TABLE posts ADD COLUMN rank int NOT NULL DEFAULT 0;',
      'ALTER TABLE posts ADD CONSTRAINT rank_positive CHECK (rank >= 0) NOT VALID;',
    ]);
  });

  it('leaves alone constraints on a table created in the same migration', async () => {
    const { diagnostics } = await checkProject(
      engine,
      migration(
        'CREATE TABLE likes (id bigint PRIMARY KEY, user_id bigint NOT NULL);\nCREATE INDEX likes_user_id_idx ON likes (user_id);\nALTER TABLE likes ADD FOREIGN KEY (user_id) REFERENCES users (id);\nALTER TABLE likes ADD CHECK (id > 0);',
      ),
    );
    expect(rules(diagnostics).filter((r) => r === RULE)).toEqual([]);
  });

  it('says the lock lasts until commit inside a transaction', async () => {
    const { diagnostics } = await checkProject(
      engine,
      migration('ALTER TABLE posts ADD CHECK (score >= 0);\nALTER TABLE posts ADD CHECK (id > 0);'),
    );
    const findings = diagnostics.filter((d) => d.rule === RULE);
    expect(findings).toHaveLength(2);
    expect(findings[0]?.why).toContain('until the migration’s transaction commits');
  });
});
