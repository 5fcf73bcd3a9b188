-- description: ALTER TYPE ... RENAME VALUE: catalog only, no table locked
-- catalog: not needed

-- setup
CREATE TYPE account_state AS ENUM ('open', 'closed');
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
ALTER TABLE accounts ADD COLUMN state account_state NOT NULL DEFAULT 'open';

-- migration
ALTER TYPE account_state RENAME VALUE 'closed' TO 'archived';
