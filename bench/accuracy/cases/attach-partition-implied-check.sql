-- description: ATTACH PARTITION with a validated CHECK written as BETWEEN ... AND the last day: it implies the bound, no scan
-- catalog: needed

-- setup
CREATE TABLE events (
  id bigint NOT NULL,
  happened_on date NOT NULL,
  PRIMARY KEY (id, happened_on)
) PARTITION BY RANGE (happened_on);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 (
  id bigint NOT NULL,
  happened_on date NOT NULL,
  PRIMARY KEY (id, happened_on)
);
INSERT INTO events_2025 (id, happened_on) SELECT g, date '2025-01-01' + g % 365 FROM generate_series(1, 5000) AS g;
INSERT INTO events (id, happened_on) SELECT g, date '2024-01-01' + g % 365 FROM generate_series(1, 5000) AS g;
ALTER TABLE events_2025 ADD CONSTRAINT events_2025_bound CHECK (happened_on BETWEEN date '2025-01-01' AND date '2025-12-31');

-- migration
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
