import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { discoverProject } from '../../src/project/discover.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { corpusPath } from '../support/corpus.js';
import { tempProject } from '../support/temp-project.js';

async function runOn(schema: string): Promise<readonly Diagnostic[]> {
  const layout = await discoverProject(await tempProject({}), { schema: [corpusPath(schema)] });
  return (await runCheck(layout, resolveRuleSettings({ rules: {} }, allRuleMetas))).diagnostics;
}

// Each schema is checked once per file run: several tests read the same diagnostics.
const checked = new Map<string, Promise<readonly Diagnostic[]>>();
function check(schema: string): Promise<readonly Diagnostic[]> {
  const found = checked.get(schema) ?? runOn(schema);
  checked.set(schema, found);
  return found;
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

const INDEX_RULES = ['ban-duplicate-index', 'ban-redundant-index', 'ban-invalid-index'];

/** [rule, line, index, the index that replaces it] for the index rules. */
const indexFindings = (diagnostics: readonly Diagnostic[]) =>
  diagnostics
    .filter((d) => INDEX_RULES.includes(d.rule))
    .map((d) => [d.rule, d.line, d.data?.index, d.data?.duplicateOf ?? d.data?.redundantTo]);

/** The key and column type rules (prefer-text is opt-in and off here). */
const KEY_TYPE_RULES = [
  'require-primary-key',
  'prefer-bigint-key',
  'prefer-identity',
  'prefer-timestamptz',
  'prefer-jsonb',
  'ban-char-type',
];

/** [rule, table.column or table] for the key and column type rules, sorted. */
const keyTypeFindings = (diagnostics: readonly Diagnostic[], rule: string) =>
  diagnostics
    .filter((d) => d.rule === rule)
    .map((d) => (d.data?.column === undefined ? d.data?.table : `${d.data.table}.${d.data.column}`))
    .sort();

/** Findings of rules whose corpus results the tests below do not review one by one: there must be none. */
function outsideReviewedRules(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  const reviewed = new Set(['require-fk-index', ...CONSTRAINT_RULES, ...INDEX_RULES, ...KEY_TYPE_RULES]);
  return diagnostics.filter((d) => !reviewed.has(d.rule));
}

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
    expect(outsideReviewedRules(diagnostics)).toEqual([]);
  });

  it('chinook: the psql \\c line is skipped with a warning and every foreign key is indexed', async () => {
    const diagnostics = await check('schemas/chinook.sql');
    expect(
      diagnostics
        .filter((d) => !INDEX_RULES.includes(d.rule) && !KEY_TYPE_RULES.includes(d.rule))
        .map((d) => [d.rule, d.line]),
    ).toEqual([['unsupported-input', 28]]);
  });

  it('synapse 72: exactly the two foreign keys no index leads are reported', async () => {
    const diagnostics = await check('schemas/synapse-72.sql');
    // refresh_tokens.next_token_id is covered by a partial index WHERE (next_token_id IS NOT NULL);
    // event_txn_id.token_id (ON DELETE CASCADE) and access_tokens.refresh_token_id lead no index.
    expect(fkFindings(diagnostics)).toEqual([
      'access_tokens_refresh_token_id_fkey',
      'event_txn_id_token_id_fkey',
    ]);
    expect(outsideReviewedRules(diagnostics)).toEqual([]);
  });

  it('pagila: each payment partition has its customer_id index twice (the dump has both names)', async () => {
    const months = ['01', '02', '03', '04', '05', '06'];
    // idx_fk_payment_p2022_MM_customer_id (created first, kept) and payment_p2022_MM_customer_id_idx:
    // both plain btree (customer_id) on the same partition, neither attached to a parent index.
    expect(indexFindings(await check('schemas/pagila-schema.sql'))).toEqual(
      months.map((month, i) => [
        'ban-duplicate-index',
        1393 + 7 * i,
        `public.payment_p2022_${month}_customer_id_idx`,
        `public.idx_fk_payment_p2022_${month}_customer_id`,
      ]),
    );
  });

  it('chinook: playlist_track_playlist_id_idx is the leading column of the primary key', async () => {
    expect(indexFindings(await check('schemas/chinook.sql'))).toEqual([
      ['ban-redundant-index', 195, 'public.playlist_track_playlist_id_idx', 'public.playlist_track_pkey'],
    ]);
  });

  it('synapse 72: single-column indexes that lead a UNIQUE constraint, and a plain index on the keys of one', async () => {
    expect(indexFindings(await check('schemas/synapse-72.sql'))).toEqual([
      // (as_id) leads UNIQUE (as_id, txn_id).
      [
        'ban-redundant-index',
        1145,
        'public.application_services_txns_id',
        'public.application_services_txns_as_id_txn_id_key',
      ],
      // (event_id) leads UNIQUE (event_id, room_id), on both extremities tables.
      [
        'ban-redundant-index',
        1181,
        'public.ev_b_extrem_id',
        'public.event_backward_extremities_event_id_room_id_key',
      ],
      [
        'ban-redundant-index',
        1184,
        'public.ev_extrem_id',
        'public.event_forward_extremities_event_id_room_id_key',
      ],
      // (media_id) leads the five-column unique thumbnail index.
      [
        'ban-redundant-index',
        1232,
        'public.local_media_repository_thumbnails_media_id',
        'public.local_media_repository_thumbn_media_id_width_height_method_key',
      ],
      // (user_name) leads UNIQUE (user_name, rule_id) on push_rules_enable and push_rules.
      [
        'ban-redundant-index',
        1245,
        'public.push_rules_enable_user_name',
        'public.push_rules_enable_user_name_rule_id_key',
      ],
      ['ban-redundant-index', 1248, 'public.push_rules_user_name', 'public.push_rules_user_name_rule_id_key'],
      // A plain (medium, address) next to the UNIQUE constraint medium_address on the same keys.
      ['ban-redundant-index', 1288, 'public.user_threepids_medium_address', 'public.medium_address'],
    ]);
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

describe('key and column type rules on real schemas from shared/corpus', () => {
  it('pagila: thirteen integer keys fed by sequences, the char(20) language name, nothing else', async () => {
    const diagnostics = await check('schemas/pagila-schema.sql');
    const keys = [
      'actor.actor_id',
      'address.address_id',
      'category.category_id',
      'city.city_id',
      'country.country_id',
      'customer.customer_id',
      'film.film_id',
      'inventory.inventory_id',
      'language.language_id',
      // Partitioned: judged once, on the parent, though its key is (payment_date, payment_id).
      'payment.payment_id',
      'rental.rental_id',
      'staff.staff_id',
      'store.store_id',
    ].map((column) => `public.${column}`);
    expect(keyTypeFindings(diagnostics, 'prefer-bigint-key')).toEqual(keys);
    // The dump's sequences are bigint (no AS clause): the integer column's limit binds.
    for (const d of diagnostics.filter((f) => f.rule === 'prefer-bigint-key')) {
      expect(d.data?.limit).toBe('2147483647');
    }
    // Located at the column's line in its CREATE TABLE: `customer_id integer DEFAULT nextval(...)`.
    const customer = diagnostics.find(
      (d) => d.rule === 'prefer-bigint-key' && d.data?.table === 'public.customer',
    );
    expect([customer?.line, customer?.column]).toEqual([273, 5]);
    // film_actor and film_category: composite keys of foreign keys, moved with actor, film, category.
    expect(keyTypeFindings(diagnostics, 'ban-char-type')).toEqual(['public.language.name']);
    // Every table has a key, the sequences are not OWNED BY the columns (no serial), every
    // timestamp is timestamptz, no json.
    for (const rule of ['require-primary-key', 'prefer-identity', 'prefer-timestamptz', 'prefer-jsonb']) {
      expect(keyTypeFindings(diagnostics, rule)).toEqual([]);
    }
  });

  it('chinook: ten integer keys the application numbers, three timestamp columns', async () => {
    const diagnostics = await check('schemas/chinook.sql');
    const keys = ['album', 'artist', 'customer', 'employee', 'genre', 'invoice', 'invoice_line']
      .concat(['media_type', 'playlist', 'track'])
      .map((table) => `public.${table}.${table}_id`);
    expect(keyTypeFindings(diagnostics, 'prefer-bigint-key')).toEqual(keys);
    expect(diagnostics.filter((d) => d.rule === 'prefer-bigint-key').map((d) => d.data?.sequence)).toEqual(
      keys.map(() => undefined),
    );
    expect(keyTypeFindings(diagnostics, 'prefer-timestamptz')).toEqual([
      'public.employee.birth_date',
      'public.employee.hire_date',
      'public.invoice.invoice_date',
    ]);
    for (const rule of ['require-primary-key', 'prefer-identity', 'prefer-jsonb', 'ban-char-type']) {
      expect(keyTypeFindings(diagnostics, rule)).toEqual([]);
    }
  });

  it('synapse 72: 107 tables without a primary key, 77 of them with a unique NOT NULL candidate', async () => {
    const diagnostics = await check('schemas/synapse-72.sql');
    const missing = diagnostics.filter((d) => d.rule === 'require-primary-key');
    expect(missing).toHaveLength(107);
    expect(missing.filter((d) => d.data?.candidateIndex !== undefined)).toHaveLength(77);
    const candidate = (table: string) =>
      missing.find((d) => d.data?.table === `public.${table}`)?.data?.candidateIndex ?? null;
    // UNIQUE (event_id) on a NOT NULL column: promotable as is.
    expect(candidate('event_txn_id')).toBe('public.event_txn_id_event_id');
    // users_name_key is UNIQUE (name) but name is nullable: no candidate.
    expect(candidate('users')).toBeNull();
    expect(candidate('event_push_actions')).toBeNull();
    // instance_map: a serial integer key (sequence AS integer, OWNED BY the column).
    expect(keyTypeFindings(diagnostics, 'prefer-bigint-key')).toEqual(['public.instance_map.instance_id']);
    expect(keyTypeFindings(diagnostics, 'prefer-identity')).toEqual(['public.instance_map.instance_id']);
    // The five lock character(1) columns are single-row locks, left alone; no json or timestamp.
    for (const rule of ['ban-char-type', 'prefer-jsonb', 'prefer-timestamptz']) {
      expect(keyTypeFindings(diagnostics, rule)).toEqual([]);
    }
  });
});
