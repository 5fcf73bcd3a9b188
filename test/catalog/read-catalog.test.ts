import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CatalogSnapshot } from '../../src/catalog/model.js';
import { readCatalog } from '../../src/catalog/read-catalog.js';
import type { Engine } from '../../src/engine/engine.js';
import { describeEachEngine } from '../support/engines.js';
import { blogSchemaSql, openEmpty } from './load-fixture.js';

describeEachEngine('readCatalog on the blog schema', (open) => {
  let engine: Engine;
  let catalog: CatalogSnapshot;

  beforeAll(async () => {
    engine = await openEmpty(open);
    await engine.exec(blogSchemaSql());
    catalog = await readCatalog(engine);
  });
  afterAll(() => engine.close());

  const table = (name: string) => catalog.tables.find((t) => t.name === name);
  const column = (tableName: string, name: string) => table(tableName)?.columns.find((c) => c.name === name);
  const index = (name: string) => catalog.indexes.find((i) => i.name === name);
  const constraint = (name: string) => catalog.constraints.find((c) => c.name === name);

  it('reads columns with type, nullability, defaults, identity, generation, collation and comments', () => {
    expect(column('posts', 'title')).toMatchObject({ type: 'character varying(500)', notNull: true });
    expect(column('posts', 'status')).toMatchObject({ default: "'draft'::text", notNull: true });
    expect(column('posts', 'id')?.default).toBe("nextval('public.posts_id_seq'::regclass)");
    expect(column('comments', 'id')?.identity).toBe('always');
    expect(column('bookings', 'id')?.identity).toBe('by default');
    expect(column('posts', 'title_length')?.generated).toEqual({
      expression: 'length((title)::text)',
      kind: 'stored',
    });
    expect(column('users', 'handle')?.collation).toBe('C');
    expect(column('users', 'email')).toMatchObject({ comment: 'Login address' });
    expect(column('users', 'email')).not.toHaveProperty('collation');
    expect(column('users', 'mood')).toMatchObject({ type: 'public.mood', default: "'ok'::public.mood" });
    expect(table('users')?.comment).toBe('People who write');
    expect(
      table('posts')
        ?.columns.map((c) => c.name)
        .slice(0, 3),
    ).toEqual(['id', 'user_id', 'title']);
  });

  it('reads partitioned tables, their partitions and the partitioned index', () => {
    expect(table('events')).toMatchObject({ kind: 'partitioned', partitionKey: 'RANGE (happened_at)' });
    expect(table('events_2024')).toMatchObject({
      kind: 'table',
      partitionOf: { schema: 'public', name: 'events', qualified: 'public.events' },
      partitionBound: "FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')",
    });
    expect(index('events_2025_kind_idx')?.parentIndex?.qualified).toBe('public.idx_events_kind');
    expect(constraint('events_2024_pkey')?.inherited).toBe(true);
    expect(constraint('events_pkey')?.inherited).toBe(false);
  });

  it('reads index keys in order with direction, nulls order, opclass, collation and INCLUDE', () => {
    expect(index('idx_posts_views')).toMatchObject({
      method: 'btree',
      include: ['title'],
      comment: 'Popular posts',
      keys: [
        { kind: 'column', column: 'view_count', descending: true, nullsFirst: false },
        { kind: 'column', column: 'id', descending: false, nullsFirst: false },
      ],
    });
    expect(index('idx_posts_published_at_nulls')?.keys[0]).toMatchObject({
      descending: false,
      nullsFirst: true,
    });
    expect(index('idx_posts_slug_pattern')?.keys[0]).toMatchObject({ opclass: 'text_pattern_ops' });
    expect(index('idx_posts_title_c')?.keys[0]).toMatchObject({ collation: 'C' });
    expect(index('idx_posts_lower_title')?.keys).toEqual([
      { kind: 'expression', expression: 'lower(title::text)', descending: false, nullsFirst: false },
    ]);
    expect(index('idx_posts_published')?.predicate).toBe("(status = 'published'::text)");
    expect(index('posts_pkey')).toMatchObject({
      primary: true,
      unique: true,
      valid: true,
      constraint: 'posts_pkey',
    });
    expect(index('bookings_no_overlap')).toMatchObject({ method: 'gist', constraint: 'bookings_no_overlap' });
    expect(index('idx_post_counts_user')?.table.qualified).toBe('public.post_counts');
    // Default opclasses and collations are left out, so plain keys carry neither.
    expect(index('users_email_key')?.keys[0]).toEqual({
      kind: 'column',
      column: 'email',
      descending: false,
      nullsFirst: false,
    });
  });

  it('reads constraints with ordered columns, references, actions and validation state', () => {
    expect(constraint('comments_post_fkey')).toMatchObject({
      kind: 'foreign key',
      columns: ['post_id', 'post_author_id'],
      validated: true,
      comment: 'Comment belongs to a post of that author',
      references: {
        table: { qualified: 'public.posts' },
        columns: ['id', 'user_id'],
        onDelete: 'cascade',
        onUpdate: 'restrict',
      },
    });
    expect(constraint('comments_author_fkey')).toMatchObject({
      validated: false,
      references: { onDelete: 'set null', onUpdate: 'no action' },
    });
    expect(constraint('comments_body_check')).toMatchObject({
      kind: 'check',
      validated: false,
      columns: ['body'],
    });
    expect(constraint('comments_author_unique')).toMatchObject({ deferrable: true, initiallyDeferred: true });
    expect(constraint('bookings_no_overlap')?.kind).toBe('exclude');
    // NOT NULL lives on columns on every engine, never as a constraint.
    expect(catalog.constraints.map((c) => c.kind)).not.toContain('not null');
    expect(catalog.constraints.filter((c) => c.table.name === 'users').map((c) => c.name)).toEqual([
      'users_email_check',
      'users_email_key',
      'users_pkey',
    ]);
  });

  it('reads sequences with their owners, views, enums, functions, triggers and extensions', () => {
    expect(catalog.sequences.find((s) => s.name === 'ticket_seq')).toEqual({
      schema: 'public',
      name: 'ticket_seq',
      qualified: 'public.ticket_seq',
      dataType: 'integer',
      start: '100',
      increment: '5',
      min: '1',
      max: '100000',
      cycle: true,
      cache: '1',
      lastValue: null,
      ownedBy: { table: { schema: 'public', name: 'tickets', qualified: 'public.tickets' }, column: 'no' },
    });
    expect(catalog.sequences.find((s) => s.name === 'comments_id_seq')?.ownedBy?.column).toBe('id');
    expect(catalog.views.map((v) => [v.name, v.materialized])).toEqual([
      ['post_counts', true],
      ['published_posts', false],
    ]);
    expect(catalog.views.find((v) => v.name === 'published_posts')?.comment).toBe('What readers see');
    expect(catalog.enums).toEqual([{ schema: 'public', name: 'mood', labels: ['happy', 'ok'] }]);
    expect(catalog.functions.map((f) => [f.name, f.arguments, f.returns, f.language, f.volatility])).toEqual([
      ['post_score', 'views integer, comments integer', 'integer', 'sql', 'immutable'],
      ['touch_published_at', '', 'trigger', 'plpgsql', 'volatile'],
    ]);
    expect(catalog.triggers).toEqual([
      expect.objectContaining({
        name: 'posts_touch',
        enabled: true,
        table: expect.objectContaining({ name: 'posts' }),
      }),
    ]);
    expect(catalog.triggers[0]?.definition).toContain('EXECUTE FUNCTION public.touch_published_at()');
    expect(catalog.extensions.map((e) => e.name)).toEqual(['plpgsql']);
    expect(catalog.schemas).toEqual(['public']);
  });

  it('leaves out last_value only until the sequence is used, and reads it as text', async () => {
    await engine.exec(`SELECT nextval('ticket_seq'); SELECT nextval('ticket_seq');`);
    const after = await readCatalog(engine);
    expect(after.sequences.find((s) => s.name === 'ticket_seq')?.lastValue).toBe('105');
  });

  it('leaves out objects that belong to an extension', async () => {
    // PGlite ships no contrib extension without extra modules, so make a member of plpgsql instead.
    await engine.exec(`CREATE SCHEMA extras;
      CREATE TABLE extras.owned (id int PRIMARY KEY);
      CREATE FUNCTION extras.helper() RETURNS int LANGUAGE sql AS 'SELECT 1';
      CREATE FUNCTION extras.kept() RETURNS int LANGUAGE sql AS 'SELECT 2';
      ALTER EXTENSION plpgsql ADD TABLE extras.owned;
      ALTER EXTENSION plpgsql ADD FUNCTION extras.helper();`);
    const after = await readCatalog(engine);
    expect(after.schemas).toEqual(['extras', 'public']);
    expect(after.functions.filter((f) => f.schema === 'extras').map((f) => f.name)).toEqual(['kept']);
    expect(after.tables.filter((t) => t.schema === 'extras')).toEqual([]);
    expect(after.indexes.filter((i) => i.schema === 'extras')).toEqual([]);
    expect(after.constraints.filter((c) => c.schema === 'extras')).toEqual([]);
  });
});
