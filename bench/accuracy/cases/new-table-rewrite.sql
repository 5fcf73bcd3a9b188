-- description: table created and filled in the same migration, then int to bigint: nobody else uses it yet
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
CREATE TABLE ledger (
  id bigint PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id),
  cents integer NOT NULL
);
CREATE INDEX ledger_account_id_idx ON ledger (account_id);
ALTER TABLE ledger ALTER COLUMN cents TYPE bigint;
ALTER TABLE ledger ADD COLUMN created_at timestamptz DEFAULT clock_timestamp();
