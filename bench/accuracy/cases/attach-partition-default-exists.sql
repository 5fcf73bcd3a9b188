-- description: ATTACH PARTITION with a matching CHECK while a DEFAULT partition exists: the default partition is scanned
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
CREATE TABLE events_other PARTITION OF events DEFAULT;
INSERT INTO events (id, happened_on) SELECT g, date '2030-01-01' + g % 365 FROM generate_series(1, 5000) AS g;
ALTER TABLE events_2025 ADD CONSTRAINT events_2025_bound CHECK (happened_on >= date '2025-01-01' AND happened_on < date '2026-01-01');

-- migration
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
