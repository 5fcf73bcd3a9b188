-- description: ADD FOREIGN KEY ... NOT VALID: no scan
-- catalog: not needed

-- setup
CREATE TABLE owners (
  id bigint PRIMARY KEY,
  name text NOT NULL
);
INSERT INTO owners (id, name) SELECT g, 'owner ' || g FROM generate_series(1, 1000) AS g;
CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  owner_id bigint NOT NULL,
  name text NOT NULL
);
INSERT INTO accounts (id, owner_id, name) SELECT g, g % 1000 + 1, 'name ' || g FROM generate_series(1, 5000) AS g;
CREATE INDEX accounts_owner_id_idx ON accounts (owner_id);

-- migration
ALTER TABLE accounts ADD CONSTRAINT accounts_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES owners (id) NOT VALID;
