-- description: ADD COLUMN bigserial and SET (fillfactor) in one ALTER TABLE: the serial rewrites, and the statement takes the strongest lock
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
ALTER TABLE accounts SET (fillfactor = 70), ADD COLUMN account_no bigserial;
