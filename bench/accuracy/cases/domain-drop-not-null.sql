-- description: ALTER DOMAIN ... DROP NOT NULL: catalog only, no column read
-- catalog: not needed

-- setup
CREATE DOMAIN account_code AS text NOT NULL;
CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  name varchar(20) NOT NULL,
  amount numeric(10, 2) NOT NULL,
  code account_code NOT NULL,
  score integer NOT NULL,
  note text
);
INSERT INTO accounts (id, name, amount, code, score)
SELECT g, 'name ' || g, g / 100.0, g::text, g % 1000 FROM generate_series(1, 5000) AS g;

-- migration
ALTER DOMAIN account_code DROP NOT NULL;
