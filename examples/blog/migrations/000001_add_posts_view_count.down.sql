ALTER TABLE posts DROP COLUMN view_count;
