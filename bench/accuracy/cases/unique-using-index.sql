-- description: ADD CONSTRAINT UNIQUE USING INDEX of an index already built: no build
-- catalog: needed

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
CREATE UNIQUE INDEX accounts_code_key ON accounts (code);

-- migration
ALTER TABLE accounts ADD CONSTRAINT accounts_code_key UNIQUE USING INDEX accounts_code_key;
