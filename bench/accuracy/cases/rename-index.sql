-- description: ALTER INDEX ... RENAME: SHARE UPDATE EXCLUSIVE since PostgreSQL 12, nothing read
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
CREATE INDEX accounts_score_idx ON accounts (score);

-- migration
ALTER INDEX accounts_score_idx RENAME TO accounts_score_index;
