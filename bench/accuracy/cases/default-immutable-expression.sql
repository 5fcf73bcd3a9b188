-- description: ADD COLUMN with DEFAULT 'a' || 'b' and 1 + 2: constant expressions, computed once, no rewrite
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
ALTER TABLE accounts ADD COLUMN label text DEFAULT 'new' || '-' || 'account', ADD COLUMN tier integer DEFAULT 1 + 2;
