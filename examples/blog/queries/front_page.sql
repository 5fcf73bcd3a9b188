-- Served by posts_published_at_idx (partial index on published posts).
SELECT id, title, published_at
FROM posts
WHERE status = 'published'
ORDER BY published_at DESC
LIMIT 20;
