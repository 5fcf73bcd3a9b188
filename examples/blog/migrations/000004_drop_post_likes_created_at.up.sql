-- Nobody reads when a like was given: the column goes. expect: ban-drop-column
ALTER TABLE post_likes DROP COLUMN created_at;
