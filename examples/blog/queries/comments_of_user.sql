-- Without an index on comments.author_id this scans every comment (see schema.sql). expect: seq-scan-large-table
SELECT c.id, c.body, c.created_at
FROM comments c
WHERE c.author_id = $1
ORDER BY c.created_at DESC
LIMIT 50;
