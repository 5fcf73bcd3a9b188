import { describe, expect, it } from 'vitest';
import { listFolder } from '../../../src/sources/migrations/folder.js';
import {
  detectFormat,
  listMigrations,
  loadMigrations,
  MIGRATION_LOADERS,
} from '../../../src/sources/migrations/list-migrations.js';
import { tempProject } from '../../support/temp-project.js';
import { fixtureDir } from './fixture.js';

describe('detectFormat', () => {
  it.each(MIGRATION_LOADERS.map((loader) => loader.format))('recognises the %s fixture', async (format) => {
    expect(await detectFormat(await listFolder(fixtureDir(format)))).toBe(format);
  });

  it('falls back to plain for a folder with no SQL at all', async () => {
    const dir = await tempProject({ 'notes.txt': 'nothing here\n' });
    expect(await detectFormat(await listFolder(dir))).toBe('plain');
  });
});

describe('loadMigrations', () => {
  it('uses the format it is given over the one it would detect', async () => {
    const forced = await loadMigrations(fixtureDir('golang-migrate'), 'plain');
    expect(forced.format).toBe('plain');
    expect(forced.migrations.map((m) => m.name)).toEqual([
      '10_add_name.up.sql',
      '1_create_users.down.sql',
      '1_create_users.up.sql',
      '2_index_email.down.sql',
      '2_index_email.up.sql',
      '3_orphan.down.sql',
    ]);
  });

  it('gives every step the path as the user gave the folder', async () => {
    const migrations = await listMigrations(fixtureDir('pop'));
    expect(migrations[0]?.up.file).toBe(
      `${fixtureDir('pop')}/20200101000000000000_identities.postgres.up.sql`,
    );
    expect(migrations.every((m) => m.format === 'pop')).toBe(true);
  });
});
