-- description: ALTER TYPE ... ADD VALUE: no table is touched
-- catalog: not needed

-- setup
CREATE TYPE account_kind AS ENUM ('personal', 'business');
CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  name varchar(20) NOT NULL,
  amount numeric(10, 2) NOT NULL,
  code text NOT NULL,
  score integer NOT NULL,
  note text,
  kind account_kind NOT NULL DEFAULT 'personal'
);
INSERT INTO accounts (id, name, amount, code, score)
SELECT g, 'name ' || g, g / 100.0, g::text, g % 1000 FROM generate_series(1, 5000) AS g;

-- migration
ALTER TYPE account_kind ADD VALUE 'nonprofit';
