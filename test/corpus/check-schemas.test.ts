import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { discoverProject } from '../../src/project/discover.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { corpusPath } from '../support/corpus.js';
import { tempProject } from '../support/temp-project.js';

async function check(schema: string): Promise<readonly Diagnostic[]> {
  const layout = await discoverProject(await tempProject({}), { schema: [corpusPath(schema)] });
  return (await runCheck(layout, resolveRuleSettings({ rules: {} }, allRuleMetas))).diagnostics;
}

const fkFindings = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => d.rule === 'require-fk-index').map((d) => d.data?.constraint);

describe('check on real schemas from shared/corpus', () => {
  it('pagila: every diagnostic is located, and the unindexed foreign keys are the ones the dump shows', async () => {
    const diagnostics = await check('schemas/pagila-schema.sql');
    for (const d of diagnostics) expect([d.file, d.line, d.column].every((v) => v !== undefined)).toBe(true);
    const reported = fkFindings(diagnostics);
    // film_category's primary key is (film_id, category_id): category_id leads no index.
    expect(reported).toContain('film_category_category_id_fkey');
    // rental (customer_id) is only the third column of idx_unq_rental_rental_date_inventory_id_customer_id.
    expect(reported).toContain('rental_customer_id_fkey');
    // idx_fk_city_id and idx_fk_inventory_id cover these.
    expect(reported).not.toContain('address_city_id_fkey');
    expect(reported).not.toContain('rental_inventory_id_fkey');
    expect(diagnostics.filter((d) => d.rule !== 'require-fk-index')).toEqual([]);
  });

  it('chinook: the psql \\c line is skipped with a warning and every foreign key is indexed', async () => {
    const diagnostics = await check('schemas/chinook.sql');
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([['unsupported-input', 28]]);
  });

  it('synapse 72: access_tokens.refresh_token_id has no index', async () => {
    const diagnostics = await check('schemas/synapse-72.sql');
    expect(fkFindings(diagnostics)).toContain('access_tokens_refresh_token_id_fkey');
    expect(diagnostics.filter((d) => d.rule !== 'require-fk-index')).toEqual([]);
  });
});
