-- description: varchar(20) to text USING the column itself: the same free change, written with USING
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
ALTER TABLE accounts ALTER COLUMN name TYPE text USING name;
