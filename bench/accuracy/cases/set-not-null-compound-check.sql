-- description: SET NOT NULL with a validated CHECK (note IS NOT NULL AND note <> ''): the conjunction proves it, no scan
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
UPDATE accounts SET note = 'note ' || id;
ALTER TABLE accounts ADD CONSTRAINT accounts_note_present CHECK (note IS NOT NULL AND note <> '');

-- migration
ALTER TABLE accounts ALTER COLUMN note SET NOT NULL;
