import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { findQueriesInLoops } from '../../../src/sources/code/find-queries-in-loops.js';

/** Each invalid case marks the call that runs per item with `// <-`; valid cases have none. */
const INVALID: Readonly<Record<string, string>> = {
  'node-postgres in for…of': `
for (const post of posts.rows) {
  const c = await pool.query('SELECT * FROM comments WHERE post_id = $1', [post.id]); // <-
}`,
  'node-postgres with a type argument, one-statement body': `
for (let i = 0; i < ids.length; i++)
  rows.push(await client.query<{ id: string; n: number }>(sql, [ids[i]])); // <-
`,
  'while and do loops': `
while (cursor) {
  cursor = (await db.query('SELECT next FROM t WHERE id = $1', [cursor])).rows[0]; // <-
}
do {
  page = await pool.query(q, [page.next]); // <-
} while (page.more);`,
  'Promise.all over map, not awaited inside': `
const all = await Promise.all(
  users.map((u) => pool.query('SELECT * FROM orders WHERE user_id = $1', [u.id])), // <-
);`,
  'forEach with an async callback': `
items.forEach(async (item) => {
  await prisma.product.findFirst({ where: { id: item.productId } }); // <-
});`,
  'Prisma findMany in for…in': `
for (const key in groups) {
  const members = await prisma.member.findMany({ where: { groupId: key } }); // <-
}`,
  'Drizzle select().from()': `
for (const post of posts) {
  const tags = await db.select({ id: tags.id }).from(tags).where(eq(tags.postId, post.id)); // <-
}`,
  'Drizzle relational query': `
for (const u of users) {
  await db.query.posts.findMany({ where: eq(posts.authorId, u.id) }); // <-
}`,
  Knex: `
for (const id of ids) {
  const row = await knex('users').where({ id }).first(); // <-
}`,
  Kysely: `
for (const id of ids) {
  const row = await db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst(); // <-
}`,
  Supabase: `
for (const id of ids) {
  const { data } = await supabase.from('comments').select('*').eq('post_id', id); // <-
}`,
  'postgres.js tagged template': `
for (const id of ids) {
  const [row] = await sql\`SELECT * FROM users WHERE id = \${id}\`; // <-
}`,
  'a helper of the same file: a function, an arrow, a method (one level and more)': `
async function authorOf(id) {
  return (await pool.query('SELECT * FROM authors WHERE id = $1', [id])).rows[0];
}
const tagsOf = (id) => prisma.tag.findMany({ where: { postId: id } });
const twice = async (id) => authorOf(id);
class Feed {
  async likes(id) { return this.db.query('SELECT count(*) FROM likes WHERE post_id = $1', [id]); }
  async build(posts) {
    for (const p of posts) await this.likes(p.id); // <-
  }
}
for (const post of posts) {
  post.author = await authorOf(post.authorId); // <-
  post.tags = await tagsOf(post.id); // <-
  post.again = await twice(post.authorId); // <-
}`,
  'reduce, Array.from under Promise.all, a while condition, a transaction callback in a loop': `
await items.reduce(async (prev, item) => { await prev; return db.query('SELECT 1 WHERE id = $1', [item]); }, null); // <-
await Promise.all(Array.from(ids, (id) => sql\`SELECT * FROM t WHERE id = \${id}\`)); // <-
while ((await client.query('SELECT id FROM jobs LIMIT 1')).rowCount > 0) n++; // <-
for (const id of ids) await knex.transaction(async (trx) => trx('t').where({ id }).first()); // <-
`,
  'an eager client: promises collected in a loop are still one query each': `
const pending = [];
for (const id of ids) pending.push(pool.query('SELECT * FROM t WHERE id = $1', [id])); // <-
await Promise.all(pending);`,
  'TypeORM / Sequelize': `
for (const id of ids) {
  await repo.findOneBy({ id }); // <-
  await User.findByPk(id); // <-
}`,
};

const VALID: Readonly<Record<string, string>> = {
  'one batched query, then a loop in memory': `
const rows = await pool.query('SELECT * FROM comments WHERE post_id = ANY($1)', [ids]);
for (const post of posts) post.comments = rows.rows.filter((c) => c.post_id === post.id);`,
  'a query in a string or a comment inside a loop': `
for (const line of lines) {
  // await pool.query('SELECT 1') would be an N+1
  log("await pool.query('SELECT 1')");
  const re = /await pool.query\\(/;
}`,
  'a query after the loop': `
for (const x of xs) total += x;
await pool.query('INSERT INTO totals VALUES ($1)', [total]);`,
  'array methods on plain data': `
const ids = posts.map((p) => p.id).filter((id) => id > 0);
const found = items.find((i) => i.query === 'x');`,
  'a write in a loop (another problem: a bulk insert)': `
for (const row of rows) await prisma.user.create({ data: row });`,
  'lazy builders made in a loop and sent once (knex union, drizzle conditions)': `
const parts = ids.map((id) => knex('archive').where({ id }));
await knex.union(parts, true);
for (const id of ids) builders.push(db.selectFrom('pet').where('id', '=', id));`,
  'a query in a .then callback, not iterated': `
pool.query('SELECT id FROM runs LIMIT 1').then((r) => pool.query('SELECT * FROM steps WHERE run_id = $1', [r.rows[0].id]));`,
  "Prisma's findUnique fanned out in one tick (its dataloader batches them)": `
await Promise.all(ids.map((id) => prisma.user.findUnique({ where: { id } })));
ids.forEach(async (id) => { await prisma.user.findUnique({ where: { id } }); });`,
  'writes in loops, built-ins, GraphQL and MongoDB clients': `
import { ApolloClient } from '@apollo/client';
for (const row of rows) {
  await pool.query('INSERT INTO t (a) VALUES ($1)', [row.a]);
  best = Math.max(best, row.n);
  await client.query({ query: DOG, variables: { id: row.id } });
  await knex('audit').insert(row);
}`,
  'tests, timers and listeners registered in a loop (their callbacks run later, once each)': `
for (const c of cases) {
  it(c.name, async () => { await pool.query('SELECT * FROM t WHERE id = $1', [c.id]); });
  setTimeout(() => pool.query('SELECT 1 FROM t WHERE id = $1', [c.id]), 1000);
}`,
  'a query in the iterable of a for…of (evaluated once)': `
for (const row of (await pool.query('SELECT * FROM t')).rows) total += row.n;`,
  'a Drizzle builder made in a loop, run once after it': `
const parts = [];
for (const id of ids) parts.push(eq(users.id, id));
await db.select().from(users).where(or(...parts));`,
};

function marked(code: string): number[] {
  return code.split('\n').flatMap((text, i) => (text.includes('// <-') ? [i + 1] : []));
}

describe('findQueriesInLoops', () => {
  for (const [name, code] of Object.entries(INVALID)) {
    it(`finds: ${name}`, () => {
      expect(findQueriesInLoops(code).map((f) => f.line)).toEqual(marked(code));
    });
  }
  for (const [name, code] of Object.entries(VALID)) {
    it(`leaves alone: ${name}`, () => {
      expect(findQueriesInLoops(code)).toEqual([]);
    });
  }

  it('reports the loop line, the library and the call text', () => {
    const [found] = findQueriesInLoops(INVALID['Prisma findMany in for…in'] ?? '');
    expect(found).toMatchObject({
      library: 'Prisma',
      loopKind: 'for…in',
      line: 3,
      column: 25,
      loopLine: 2,
      call: 'prisma.member.findMany(',
    });
  });

  it('names the helper and its query for a call through a function', () => {
    const code =
      "const load = async (id) => pool.query('SELECT 1 WHERE id = $1', [id]);\nfor (const id of ids) await load(id);\n";
    expect(findQueriesInLoops(code)).toEqual([
      {
        library: 'node-postgres',
        loopKind: 'for…of',
        line: 2,
        column: 29,
        loopLine: 2,
        call: 'load(',
        via: { name: 'load', file: 'input.ts', line: 1, call: 'pool.query(' },
      },
    ]);
  });

  it("finds examples/blog's N+1 loop at its marker, and nothing else in the app", async () => {
    const posts = await readFile('examples/blog/app/src/posts.ts', 'utf8');
    const marker = posts.split('\n').findIndex((line) => line.includes('expect: no-query-in-loop')) + 1;
    const found = findQueriesInLoops(posts);
    expect(found.map((f) => f.line)).toEqual([marker + 1]);
    expect(found[0]?.loopLine).toBeLessThan(marker);
    expect(findQueriesInLoops(await readFile('examples/blog/app/src/db.ts', 'utf8'))).toEqual([]);
  });
});
