import { join } from 'node:path';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Engine } from '../../src/engine/engine.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { loadMigrations } from '../../src/sources/migrations/list-migrations.js';
import { type VerifyResult, verifyMigrations } from '../../src/verify/verify-migrations.js';
import { tempProject } from '../support/temp-project.js';

/** Verifies a temporary project's migrations/ folder after its schema.sql, default rule settings. */
export async function verifyProject(
  engine: Engine,
  schema: string,
  files: Record<string, string>,
  options: { readonly withData?: boolean } = {},
): Promise<VerifyResult & { readonly root: string }> {
  const root = await tempProject({ 'schema.sql': schema, ...files });
  const { migrations } = await loadMigrations(join(root, 'migrations'));
  const result = await verifyMigrations(engine, {
    schemaFiles: [join(root, 'schema.sql')],
    migrations,
    settings: resolveRuleSettings({ rules: {} } as never, allRuleMetas),
    ...options,
  });
  return { ...result, root };
}
