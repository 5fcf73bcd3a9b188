-- description: cidr to inet: binary coercible, no rewrite
-- catalog: needed

-- setup
CREATE TABLE hosts (
  id bigint PRIMARY KEY,
  network cidr NOT NULL
);
INSERT INTO hosts (id, network)
SELECT g, ('10.' || g % 256 || '.' || g / 256 % 256 || '.0/24')::cidr FROM generate_series(1, 5000) AS g;

-- migration
ALTER TABLE hosts ALTER COLUMN network TYPE inet;
