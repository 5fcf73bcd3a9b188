-- Safe on a busy table: a constant default needs no rewrite since PostgreSQL 11.
ALTER TABLE posts ADD COLUMN view_count bigint NOT NULL DEFAULT 0;
