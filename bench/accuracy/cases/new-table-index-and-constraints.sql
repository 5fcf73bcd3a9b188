-- description: table created in the same migration, then index, CHECK, SET NOT NULL and backfill on it
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
  cents bigint,
  memo text
);
INSERT INTO ledger (id, cents) SELECT g, g FROM generate_series(1, 100) AS g;
CREATE INDEX ledger_cents_idx ON ledger (cents);
ALTER TABLE ledger ADD CONSTRAINT ledger_cents_positive CHECK (cents > 0);
ALTER TABLE ledger ALTER COLUMN cents SET NOT NULL;
UPDATE ledger SET memo = 'opening';
