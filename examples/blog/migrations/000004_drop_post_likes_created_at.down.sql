-- Deliberately irreversible: the column comes back, the times of the likes do not. expect: reversibility-data-loss
ALTER TABLE post_likes ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
