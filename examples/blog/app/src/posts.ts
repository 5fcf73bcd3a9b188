import { pool } from './db.js';

export interface PostWithComments {
  readonly id: string;
  readonly title: string;
  readonly comments: readonly { readonly id: string; readonly body: string }[];
}

// The N+1: one query for the posts, then one more per post for its comments.
export async function latestPostsWithCommentsSlow(authorId: string): Promise<PostWithComments[]> {
  const posts = await pool.query<{ id: string; title: string }>(
    'SELECT id, title FROM posts WHERE author_id = $1 ORDER BY created_at DESC LIMIT 20',
    [authorId],
  );
  const result: PostWithComments[] = [];
  for (const post of posts.rows) {
    // expect: no-query-in-loop (the finding is at the query call; the loop's line is in its data)
    const comments = await pool.query<{ id: string; body: string }>(
      'SELECT id, body FROM comments WHERE post_id = $1 ORDER BY created_at',
      [post.id],
    );
    result.push({ ...post, comments: comments.rows });
  }
  return result;
}

// The fix: two queries whatever the number of posts, the second batched with = ANY($1).
export async function latestPostsWithComments(authorId: string): Promise<PostWithComments[]> {
  const posts = await pool.query<{ id: string; title: string }>(
    'SELECT id, title FROM posts WHERE author_id = $1 ORDER BY created_at DESC LIMIT 20',
    [authorId],
  );
  const ids = posts.rows.map((post) => post.id);
  const comments = await pool.query<{ id: string; post_id: string; body: string }>(
    'SELECT id, post_id, body FROM comments WHERE post_id = ANY($1) ORDER BY created_at',
    [ids],
  );
  return posts.rows.map((post) => ({
    ...post,
    comments: comments.rows.filter((comment) => comment.post_id === post.id),
  }));
}
