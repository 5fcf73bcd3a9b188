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

/** The constraint and security rules; none of them finds anything on pagila or chinook. */
const CONSTRAINT_RULES = [
  'require-fk-type-match',
  'require-validated-constraint',
  'ban-nullable-unique',
  'require-rls-policy',
];

const constraintFindings = (diagnostics: readonly Diagnostic[]) =>
  diagnostics
    .filter((d) => CONSTRAINT_RULES.includes(d.rule))
    .map((d) => [d.rule, d.data?.constraint ?? d.data?.index, d.data?.nullableColumns]);

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
    expect(diagnostics.filter((d) => d.rule !== 'require-fk-index' && !CONSTRAINT_RULES.includes(d.rule))).toEqual([]);
  });

  it('chinook: the psql \\c line is skipped with a warning and every foreign key is indexed', async () => {
    const diagnostics = await check('schemas/chinook.sql');
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([['unsupported-input', 28]]);
  });

  it('synapse 72: access_tokens.refresh_token_id has no index', async () => {
    const diagnostics = await check('schemas/synapse-72.sql');
    expect(fkFindings(diagnostics)).toContain('access_tokens_refresh_token_id_fkey');
    expect(diagnostics.filter((d) => d.rule !== 'require-fk-index' && !CONSTRAINT_RULES.includes(d.rule))).toEqual([]);
  });
  it('pagila and chinook: foreign key types match, nothing is NOT VALID, unique columns are NOT NULL, no RLS', async () => {
    expect(constraintFindings(await check('schemas/pagila-schema.sql'))).toEqual([]);
    expect(constraintFindings(await check('schemas/chinook.sql'))).toEqual([]);
  });

  it('synapse 72: unique constraints and indexes over columns declared without NOT NULL', async () => {
    const unique = (name: string, columns: readonly string[]) => ['ban-nullable-unique', name, columns];
    expect(constraintFindings(await check('schemas/synapse-72.sql'))).toEqual([
      unique('event_id_user_id_profile_tag_uniqueness', ['profile_tag']),
      // thread_id NULL is the main timeline: two summaries for one (user, room) can coexist.
      unique('public.event_push_summary_unique_index2', ['thread_id']),
      unique('public.event_search_event_id_idx', ['event_id']),
      unique('public.events_stream_ordering', ['stream_ordering']),
      unique('local_media_repository_media_id_key', ['media_id']),
      unique('public.local_media_repository_thumbn_media_id_width_height_method_key', [
        'media_id',
        'thumbnail_width',
        'thumbnail_height',
        'thumbnail_type',
        'thumbnail_method',
      ]),
      unique('receipts_graph_uniqueness_thread', ['thread_id']),
      unique('receipts_linearized_uniqueness_thread', ['thread_id']),
      unique('received_transactions_transaction_id_origin_key', ['transaction_id', 'origin']),
      unique('remote_media_cache_media_origin_media_id_key', ['media_origin', 'media_id']),
      unique('public.remote_media_repository_thumbn_media_origin_id_width_height_met', [
        'media_origin',
        'media_id',
        'thumbnail_width',
        'thumbnail_height',
        'thumbnail_type',
        'thumbnail_method',
      ]),
      unique('server_signature_keys_server_name_key_id_key', ['server_name', 'key_id']),
      unique('public.threepid_guest_access_tokens_index', ['medium', 'address']),
      unique('users_name_key', ['name']),
    ]);
  });
});
