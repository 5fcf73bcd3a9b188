-- description: ALTER TABLE ... INHERIT: the child joins the parent, no rows read
-- catalog: not needed

-- setup
CREATE TABLE records (
  id bigint NOT NULL,
  note text
);
CREATE TABLE old_records (
  id bigint NOT NULL,
  note text
);
INSERT INTO old_records (id, note) SELECT g, 'note ' || g FROM generate_series(1, 5000) AS g;

-- migration
ALTER TABLE old_records INHERIT records;
