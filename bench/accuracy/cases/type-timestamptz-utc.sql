-- description: timestamp to timestamptz with TimeZone UTC: the stored values are the same, no rewrite (PostgreSQL 12+)
-- catalog: needed

-- setup
CREATE TABLE visits (
  id bigint PRIMARY KEY,
  visited_at timestamp NOT NULL
);
INSERT INTO visits (id, visited_at)
SELECT g, timestamp '2025-01-01' + g * interval '1 minute' FROM generate_series(1, 5000) AS g;

-- migration
SET TimeZone = 'UTC';
ALTER TABLE visits ALTER COLUMN visited_at TYPE timestamptz;
