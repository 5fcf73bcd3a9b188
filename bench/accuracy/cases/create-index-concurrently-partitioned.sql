-- description: CREATE INDEX CONCURRENTLY on a partitioned table: PostgreSQL 15 refuses it
-- catalog: not needed
-- no-transaction

-- setup
CREATE TABLE events (
  id bigint NOT NULL,
  happened_on date NOT NULL,
  kind integer NOT NULL
) PARTITION BY RANGE (happened_on);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
INSERT INTO events (id, happened_on, kind) SELECT g, date '2024-01-01' + g % 730, g % 10 FROM generate_series(1, 200000) AS g;

-- migration
CREATE INDEX CONCURRENTLY events_kind_idx ON events (kind);
