-- description: ADD COLUMN, DROP COLUMN, SET DEFAULT and SET STATISTICS in one ALTER TABLE: no rewrite, no scan
-- catalog: not needed

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
ALTER TABLE accounts ADD COLUMN level integer, DROP COLUMN note, ALTER COLUMN score SET DEFAULT 0, ALTER COLUMN score SET STATISTICS 500;
