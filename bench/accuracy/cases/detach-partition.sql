-- description: DETACH PARTITION: ACCESS EXCLUSIVE on parent and partition, no scan
-- catalog: not needed

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

-- migration
ALTER TABLE events DETACH PARTITION events_2024;
