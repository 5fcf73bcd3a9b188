-- description: VALIDATE CONSTRAINT of a CHECK in a migration of its own: a scan under SHARE UPDATE EXCLUSIVE, writes go on
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
ALTER TABLE accounts ADD CONSTRAINT accounts_score_range CHECK (score >= 0) NOT VALID;

-- migration
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_score_range;
