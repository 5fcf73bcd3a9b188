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

  it("finds examples/blog's N+1 loop at its marker, and nothing else in the app", async () => {
    const posts = await readFile('examples/blog/app/src/posts.ts', 'utf8');
    const marker = posts.split('\n').findIndex((line) => line.includes('expect: no-query-in-loop')) + 1;
    const found = findQueriesInLoops(posts);
    expect(found.map((f) => f.line)).toEqual([marker + 1]);
    expect(found[0]?.loopLine).toBeLessThan(marker);
    expect(findQueriesInLoops(await readFile('examples/blog/app/src/db.ts', 'utf8'))).toEqual([]);
  });
});
