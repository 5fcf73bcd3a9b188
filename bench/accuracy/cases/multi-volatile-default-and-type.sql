-- description: ADD COLUMN with a volatile default and ALTER COLUMN TYPE to a wider varchar in one statement: one rewrite
-- catalog: needed

-- setup
CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  name varchar(20) NOT NULL,
  amount numeric(10, 2) NOT NULL,
  code text NOT NULL,
  score integer NOT NULL,
  note text
);
INSERT INTO accounts (id, name, amount, code, score)
SELECT g, 'name ' || g, g / 100.0, g::text, g % 1000 FROM generate_series(1, 5000) AS g;

-- migration
ALTER TABLE accounts ADD COLUMN created_at timestamptz DEFAULT clock_timestamp(), ALTER COLUMN name TYPE varchar(50);
