-- description: ADD COLUMN ... PRIMARY KEY with no default on a table with rows: refused, the new column is NULL in every row
-- catalog: not needed

-- setup
CREATE TABLE visits (
  visitor text NOT NULL,
  visited_at timestamp NOT NULL
);
INSERT INTO visits (visitor, visited_at)
SELECT 'visitor ' || g, timestamp '2025-01-01' + g * interval '1 minute' FROM generate_series(1, 5000) AS g;

-- migration
ALTER TABLE visits ADD COLUMN id bigint PRIMARY KEY;
