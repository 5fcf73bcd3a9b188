import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverProject } from '../../src/project/discover.js';
import { tempProject } from '../support/temp-project.js';

describe('discoverProject', () => {
  it('finds schema.sql, migrations/ and queries/ by convention', async () => {
    const root = await tempProject({ 'schema.sql': '', 'migrations/1_a.up.sql': '', 'queries/q.sql': '' });
    expect(await discoverProject(root)).toMatchObject({
      schemaFiles: [join(root, 'schema.sql')],
      migrationsDir: join(root, 'migrations'),
      queriesDir: join(root, 'queries'),
    });
  });

  it("finds each tool's default folder: prisma/migrations, drizzle/, a Sqitch root", async () => {
    const prisma = await tempProject({ 'prisma/migrations/20240101_init/migration.sql': '' });
    expect((await discoverProject(prisma)).migrationsDir).toBe(join(prisma, 'prisma/migrations'));
    const drizzle = await tempProject({ 'drizzle/0000_init.sql': '' });
    expect((await discoverProject(drizzle)).migrationsDir).toBe(join(drizzle, 'drizzle'));
    const sqitch = await tempProject({ 'sqitch.plan': '%project=x\n', 'deploy/a.sql': '' });
    expect((await discoverProject(sqitch)).migrationsDir).toBe(sqitch);
  });

  it('lets --schema and config paths win over conventions', async () => {
    const root = await tempProject({ 'schema.sql': '', 'db/other.sql': '' });
    const layout = await discoverProject(root, { schema: [join(root, 'db/other.sql')], queries: 'q' });
    expect(layout.schemaFiles).toEqual([join(root, 'db/other.sql')]);
    expect(layout.queriesDir).toBe('q');
  });
});
