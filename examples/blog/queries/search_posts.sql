-- A leading-wildcard ILIKE cannot use a btree index: every search reads all of posts.
-- expect: seq-scan-large-table
SELECT id, title
FROM posts
WHERE title ILIKE '%' || $1 || '%'
ORDER BY created_at DESC
LIMIT 20;
