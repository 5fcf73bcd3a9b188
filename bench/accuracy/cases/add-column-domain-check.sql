-- description: ADD COLUMN of a domain type with a CHECK and no default: PostgreSQL 15 rewrites the table to check the NULLs
-- catalog: needed

-- setup
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
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
ALTER TABLE accounts ADD COLUMN level positive_int;
