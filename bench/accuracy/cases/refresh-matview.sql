-- description: REFRESH MATERIALIZED VIEW recomputes it under ACCESS EXCLUSIVE: readers wait
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
CREATE MATERIALIZED VIEW account_scores AS SELECT score, count(*) AS accounts FROM accounts GROUP BY score;
CREATE UNIQUE INDEX account_scores_score_idx ON account_scores (score);

-- migration
REFRESH MATERIALIZED VIEW account_scores;
