-- description: CREATE TABLE, fill it from an existing table by INSERT ... SELECT, then CREATE INDEX on it: only the new table is locked
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
CREATE TABLE account_scores (
  account_id bigint NOT NULL,
  score integer NOT NULL
);
INSERT INTO account_scores (account_id, score) SELECT id, score FROM accounts;
CREATE INDEX account_scores_score_idx ON account_scores (score);
