-- description: CREATE INDEX on a partitioned table: an index built on every partition, each under SHARE
-- catalog: not needed

-- setup
CREATE TABLE events (
  id bigint NOT NULL,
  happened_on date NOT NULL,
  kind integer NOT NULL
) PARTITION BY RANGE (happened_on);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
INSERT INTO events (id, happened_on, kind) SELECT g, date '2024-01-01' + g % 730, g % 10 FROM generate_series(1, 5000) AS g;

-- migration
CREATE INDEX events_kind_idx ON events (kind);
