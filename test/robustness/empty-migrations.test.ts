import { describe, expect, it } from 'vitest';
import { ANY_FORMAT, MIGRATION_LOADERS } from '../../src/sources/migrations/list-migrations.js';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const SCHEMA = 'CREATE TABLE posts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);\n';

const nothingIn = (dir: string) =>
  `pgvigil: no migration files found in ${dir} (looked for ${ANY_FORMAT}).\n`;

describe('a migrations folder with no migration in it', () => {
  it('lint passes (a new project is fine) but says on stderr that it found nothing, and where it looked', async () => {
    const dir = await tempProject({ 'migrations/.gitkeep': '' });
    for (const mode of [[], ['--static']]) {
      const run = await cli('lint', `${dir}/migrations`, ...mode);
      expect(run.stdout).toBe('✔ no problems in 0 files\n');
      expect(run.stderr).toBe(nothingIn(`${dir}/migrations`));
      expect(run.code).toBe(0);
    }
  }, 60_000);

  it('the line names every format detection looks for', () => {
    for (const loader of MIGRATION_LOADERS) expect(ANY_FORMAT.toLowerCase()).toContain(loader.format);
  });

  it('a folder of another tool’s files (knex .js) is named the same way', async () => {
    const dir = await tempProject({ 'migrations/20240101_init.js': 'exports.up = () => {};\n' });
    const run = await cli('lint', '--static', `${dir}/migrations`);
    expect(run.stderr).toBe(nothingIn(`${dir}/migrations`));
    expect(run.code).toBe(0);
  });

  it('check and verify say it too; JSON and SARIF on stdout stay valid, the line is on stderr', async () => {
    const dir = await tempProject({ 'schema.sql': SCHEMA, 'migrations/README.md': 'none yet\n' });
    const json = await cli('check', dir, '--format', 'json');
    expect(JSON.parse(json.stdout).diagnostics).toEqual([]);
    expect(json.stderr).toBe(nothingIn(`${dir}/migrations`));
    expect(json.code).toBe(0);
    const sarif = await cli('check', dir, '--format', 'sarif');
    expect(JSON.parse(sarif.stdout).runs[0].results).toEqual([]);
    expect(sarif.stderr).toBe(nothingIn(`${dir}/migrations`));
    const verify = await cli('verify', `${dir}/migrations`, '--schema', `${dir}/schema.sql`);
    expect(verify.stderr).toBe(nothingIn(`${dir}/migrations`));
    expect(verify.code).toBe(0);
  }, 120_000);

  it('with the format forced by the config, names that format and what it looked for', async () => {
    const dir = await tempProject({
      'schema.sql': SCHEMA,
      'db/001_init.sql': 'CREATE TABLE tags (id bigint PRIMARY KEY);\n',
      'pgvigil.config.json': JSON.stringify({ migrations: { dir: 'db', format: 'golang-migrate' } }),
    });
    const forced = `pgvigil: no golang-migrate migration files found in ${dir}/db (looked for <version>_<name>.up.sql (golang-migrate), as migrations.format in the config says).\n`;
    const run = await cli('check', dir, '--format', 'json');
    expect(run.stderr).toBe(forced);
    expect(run.code).toBe(0);
    // lint reads the format from the config too (it detected plain and ran 001_init.sql).
    const config = `${dir}/pgvigil.config.json`;
    for (const mode of [[], ['--static']]) {
      const lint = await cli('lint', `${dir}/db`, '--config', config, '--format', 'json', ...mode);
      expect(lint.stderr).toBe(forced);
      expect(JSON.parse(lint.stdout).diagnostics).toEqual([]);
    }
  }, 60_000);

  it('--quiet keeps stderr quiet; a folder with migrations says nothing', async () => {
    const dir = await tempProject({ 'migrations/.gitkeep': '' });
    expect((await cli('lint', '--static', `${dir}/migrations`, '--quiet')).stderr).toBe('');
    expect((await cli('lint', '--static', 'examples/blog/migrations')).stderr).toBe('');
  });
});
