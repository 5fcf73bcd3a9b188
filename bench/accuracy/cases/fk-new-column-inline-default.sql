-- description: ADD COLUMN ... DEFAULT 1 REFERENCES: every row holds the default, so every row is checked
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

-- migration
ALTER TABLE accounts ADD COLUMN manager_id bigint DEFAULT 1 REFERENCES owners (id);
