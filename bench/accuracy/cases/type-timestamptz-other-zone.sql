-- description: timestamp to timestamptz with TimeZone Europe/Berlin: every value shifts, rewrite
-- catalog: needed

-- setup
CREATE TABLE visits (
  id bigint PRIMARY KEY,
  visited_at timestamp NOT NULL
);
INSERT INTO visits (id, visited_at)
SELECT g, timestamp '2025-01-01' + g * interval '1 minute' FROM generate_series(1, 5000) AS g;

-- migration
SET TimeZone = 'Europe/Berlin';
ALTER TABLE visits ALTER COLUMN visited_at TYPE timestamptz;
