/** Six lookups by post in one session, behind the common prefix '%m [%p] ': an N+1 at line 2. */
export const N1_LOG = [
  '2024-05-01 10:00:00.000 UTC [4242] LOG:  statement: SELECT id FROM posts LIMIT 10',
  ...[1, 2, 3, 4, 5, 6].map(
    (id) =>
      `2024-05-01 10:00:00.00${id} UTC [4242] LOG:  statement: SELECT * FROM comments WHERE post_id = ${id}`,
  ),
  '',
].join('\n');
