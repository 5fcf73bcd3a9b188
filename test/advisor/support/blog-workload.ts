import { readFile } from 'node:fs/promises';
import { tempProject } from '../../support/temp-project.js';

/**
 * The blog schema with data shaped like a blog's: 2,000 users, 5,000 posts, and 40,000 comments
 * written by 200 active commenters (200 each), so "the latest 50 comments of a user" has many rows
 * to order (synthetic fill gives each parent about one child, where any index on the key looks as
 * good as another).
 */
export const BLOG_DATA = `
INSERT INTO users (email, name) SELECT 'user' || g || '@example.com', 'User ' || g FROM generate_series(1, 2000) g;
INSERT INTO posts (author_id, title, body, status, published_at, created_at)
  SELECT 1 + g % 2000, 'Post ' || g, repeat('body ', 20),
         (ARRAY['draft', 'published', 'archived'])[1 + g % 3],
         CASE WHEN g % 3 = 1 THEN now() - g * interval '1 minute' END, now() - g * interval '1 minute'
  FROM generate_series(1, 5000) g;
INSERT INTO comments (post_id, author_id, body, created_at)
  SELECT 1 + g % 5000, 1 + g % 200, 'comment ' || g, now() - g * interval '1 second'
  FROM generate_series(1, 40000) g;
ANALYZE;
`;

/** Queries beyond examples/blog's: a constant predicate, an expression, one an existing index already serves. */
export const EXTRA_QUERIES: Readonly<Record<string, string>> = {
  'queries/archive.sql':
    "SELECT id, title FROM posts WHERE status = 'archived' ORDER BY created_at DESC LIMIT 10;",
  'queries/user_by_name.sql': 'SELECT id, email FROM users WHERE lower(name) = lower($1);',
  'queries/user_by_email.sql': 'SELECT id, name FROM users WHERE lower(email) = lower($1);',
};

export async function blogWorkload(): Promise<{ dir: string; schema: string; data: string }> {
  const examples = new URL('../../../examples/blog/', import.meta.url);
  const read = (path: string) => readFile(new URL(path, examples), 'utf8');
  const files: Record<string, string> = {
    'schema.sql': await read('schema.sql'),
    'data.sql': BLOG_DATA,
    'queries/comments_of_user.sql': await read('queries/comments_of_user.sql'),
    'queries/front_page.sql': await read('queries/front_page.sql'),
    'queries/search_posts.sql': await read('queries/search_posts.sql'),
    ...EXTRA_QUERIES,
  };
  const dir = await tempProject(files);
  return { dir, schema: `${dir}/schema.sql`, data: `${dir}/data.sql` };
}
