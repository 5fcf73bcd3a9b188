import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceTexts } from '../../src/check/project-files.js';
import { sqlFileFrom } from '../../src/project/sql-file.js';
import { FileTexts } from '../../src/sources/file-texts.js';
import { loadMigrations } from '../../src/sources/migrations/list-migrations.js';
import { initSql } from '../../src/sql/parser.js';
import { tempProject } from '../support/temp-project.js';

describe('FileTexts', () => {
  it('reads a file once: a later read returns the text of the first, not the disk', async () => {
    const root = await tempProject({ 'a.sql': 'SELECT 1;\n' });
    const texts = new FileTexts();
    expect(texts.read(join(root, 'a.sql'))).toBe('SELECT 1;\n');
    await writeFile(join(root, 'a.sql'), 'SELECT 2;\n');
    expect(texts.read(join(root, 'a.sql'))).toBe('SELECT 1;\n');
    expect(new FileTexts().read(join(root, 'a.sql'))).toBe('SELECT 2;\n');
  });

  it('gives undefined for a file it cannot read, and text() throws the system error', async () => {
    const root = await tempProject({});
    const texts = new FileTexts();
    const missing = join(root, 'missing.sql');
    expect(texts.read(missing)).toBeUndefined();
    expect(() => texts.text(missing)).toThrow(expect.objectContaining({ code: 'ENOENT', syscall: 'open' }));
  });

  it('is shared by format detection, loading and the code frames of one run', async () => {
    await initSql();
    const root = await tempProject({
      'migrations/20240101000000_users.sql':
        '-- migrate:up\nCREATE TABLE users (id int);\n-- migrate:down\nDROP TABLE users;\n',
    });
    const texts = new FileTexts();
    const loaded = await loadMigrations(join(root, 'migrations'), undefined, texts);
    expect(loaded.format).toBe('dbmate');
    const file = join(root, 'migrations/20240101000000_users.sql');
    // Changed on disk after loading: the frames still show what was judged.
    await writeFile(file, 'garbage\n');
    const [migration] = loaded.migrations;
    if (!migration) throw new Error('no migration loaded');
    const sources = sourceTexts([sqlFileFrom(file, migration.up.sql)], texts);
    expect(sources.get(file)).toContain('CREATE TABLE users');
  });
});
