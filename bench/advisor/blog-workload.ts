/**
 * The advisor benchmark's workload: the blog schema (examples/blog) at 10,000 users, 50,000 posts,
 * 150,000 comments by 2,000 active commenters, 500 tags on 100,000 post_tags rows, and 32 queries
 * a blog runs, some already served by the schema's indexes.
 */
export const BLOG_SCALE_DATA = `
INSERT INTO users (email, name, created_at)
  SELECT 'user' || g || '@example.com', 'User ' || g, now() - g * interval '1 hour' FROM generate_series(1, 10000) g;
INSERT INTO posts (author_id, title, body, status, published_at, created_at)
  SELECT 1 + g % 10000, 'Post ' || g, repeat('body ', 40),
         (ARRAY['published', 'published', 'draft', 'archived'])[1 + g % 4],
         CASE WHEN g % 4 < 2 THEN now() - g * interval '5 minutes' END, now() - g * interval '5 minutes'
  FROM generate_series(1, 50000) g;
INSERT INTO comments (post_id, author_id, body, created_at)
  SELECT 1 + g % 50000, 1 + g % 2000, 'comment ' || g, now() - g * interval '1 minute'
  FROM generate_series(1, 150000) g;
INSERT INTO tags (name) SELECT 'tag' || g FROM generate_series(1, 500) g;
INSERT INTO post_tags (post_id, tag_id)
  SELECT 1 + (g - 1) % 50000, 1 + (((g - 1) % 50000) * 7 + ((g - 1) / 50000) * 250) % 500
  FROM generate_series(1, 100000) g;
ANALYZE;
`;

export const BLOG_QUERIES: readonly string[] = [
  'SELECT c.id, c.body, c.created_at FROM comments c WHERE c.author_id = $1 ORDER BY c.created_at DESC LIMIT 50',
  "SELECT id, title FROM posts WHERE title ILIKE '%' || $1 || '%' ORDER BY created_at DESC LIMIT 20",
  "SELECT id, title, published_at FROM posts WHERE status = 'published' ORDER BY published_at DESC LIMIT 20",
  'SELECT id, name FROM users WHERE lower(name) = lower($1)',
  'SELECT id FROM users WHERE created_at >= $1 ORDER BY created_at LIMIT 100',
  'SELECT count(*) FROM comments WHERE author_id = $1',
  "SELECT id, title FROM posts WHERE status = 'archived' ORDER BY created_at DESC LIMIT 10",
  "SELECT id, title FROM posts WHERE status = 'draft' AND author_id = $1",
  'SELECT p.id, p.title FROM posts p JOIN post_tags pt ON pt.post_id = p.id WHERE pt.tag_id = $1 ORDER BY p.created_at DESC LIMIT 20',
  'SELECT count(*) FROM comments WHERE created_at > $1',
  'SELECT id, body FROM comments WHERE post_id = $1 ORDER BY created_at LIMIT 100',
  'SELECT u.id, u.name FROM users u JOIN comments c ON c.author_id = u.id WHERE c.post_id = $1',
  'SELECT id FROM posts WHERE published_at BETWEEN $1 AND $2',
  "SELECT author_id, count(*) FROM posts WHERE status = 'published' GROUP BY author_id",
  'SELECT id FROM comments WHERE author_id = $1 AND post_id = $2',
  'SELECT id, email FROM users WHERE name = $1',
  'SELECT id FROM posts WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at',
  'SELECT title FROM posts WHERE id = $1',
  'SELECT id FROM tags WHERE name = $1',
  'SELECT post_id FROM post_tags WHERE tag_id = $1',
  'DELETE FROM comments WHERE author_id = $1 AND created_at < $2',
  "UPDATE posts SET status = 'archived' WHERE status = 'published' AND published_at < $1",
  'SELECT id FROM users WHERE email = $1',
  'SELECT c.id FROM comments c JOIN posts p ON p.id = c.post_id WHERE p.author_id = $1 ORDER BY c.created_at DESC LIMIT 20',
  "SELECT id, title FROM posts WHERE author_id = $1 AND status = 'published' ORDER BY published_at DESC LIMIT 10",
  "SELECT count(*) FROM posts WHERE status = 'draft'",
  'SELECT id FROM comments WHERE created_at BETWEEN $1 AND $2 ORDER BY created_at DESC LIMIT 100',
  'SELECT u.name, count(*) FROM comments c JOIN users u ON u.id = c.author_id WHERE c.created_at > $1 GROUP BY u.name',
  'SELECT id FROM users ORDER BY created_at DESC LIMIT 10',
  'SELECT id, title FROM posts WHERE lower(title) = lower($1)',
  'SELECT id FROM posts WHERE author_id = $1 AND created_at > $2',
  'SELECT max(created_at) FROM comments WHERE post_id = $1',
];
