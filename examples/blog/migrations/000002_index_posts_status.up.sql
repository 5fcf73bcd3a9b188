-- Blocks every write to posts while the index builds. expect: require-concurrent-index
CREATE INDEX posts_status_idx ON posts (status);
