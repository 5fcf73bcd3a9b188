import pg from 'pg';

export const POSTS = 8;

/** examples/blog's two tables, enough rows for the loops below. */
export async function createBlog(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      DROP TABLE IF EXISTS comments, posts;
      CREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint NOT NULL, title text NOT NULL,
                          created_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE comments (id bigint PRIMARY KEY, post_id bigint NOT NULL REFERENCES posts,
                             body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
      INSERT INTO posts SELECT g, 1, 'post ' || g, now() - g * interval '1 hour' FROM generate_series(1, ${POSTS}) g;
      INSERT INTO comments SELECT g, 1 + g % ${POSTS}, 'comment ' || g, now() - g * interval '1 minute'
        FROM generate_series(1, 40) g;`);
  } finally {
    await client.end();
  }
}

const POSTS_OF_AUTHOR = 'SELECT id, title FROM posts WHERE author_id = $1 ORDER BY created_at DESC LIMIT 20';
const COMMENTS_OF_POST = 'SELECT id, body FROM comments WHERE post_id = $1 ORDER BY created_at';

/** examples/blog's latestPostsWithCommentsSlow: one query for the posts, one per post for comments. */
export async function nPlusOne(client: pg.ClientBase): Promise<void> {
  const posts = await client.query<{ id: string }>(POSTS_OF_AUTHOR, [1]);
  for (const post of posts.rows) await client.query(COMMENTS_OF_POST, [post.id]);
}

/** The fix: the same data in two queries, the second batched with = ANY($1). */
export async function batched(client: pg.ClientBase): Promise<void> {
  const posts = await client.query<{ id: string }>(POSTS_OF_AUTHOR, [1]);
  await client.query('SELECT id, post_id, body FROM comments WHERE post_id = ANY($1)', [
    posts.rows.map((post) => post.id),
  ]);
}

/** The same lookup with the same parameter, again and again: a cache's job. */
export async function identicalRepeats(client: pg.ClientBase, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await client.query('SELECT title FROM posts WHERE id = $1', [3]);
}

/** Literal values written into the text (simple protocol), over a statement spread on lines. */
export async function literalLoop(client: pg.ClientBase): Promise<void> {
  await client.query('SELECT id FROM posts\nWHERE author_id = 1\nORDER BY id');
  for (let id = 1; id <= POSTS; id++)
    await client.query(`SELECT count(*)\n  FROM comments\n WHERE post_id = ${id}`);
}

/** Two queries per post (its comments, then its author's other posts): a repeated sequence. */
export async function pairLoop(client: pg.ClientBase): Promise<void> {
  const posts = await client.query<{ id: string }>(POSTS_OF_AUTHOR, [1]);
  for (const post of posts.rows) {
    await client.query(COMMENTS_OF_POST, [post.id]);
    await client.query('SELECT count(*) FROM posts WHERE author_id = $1 AND id <> $2', [1, post.id]);
  }
}

export async function withClient(url: string, fn: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
