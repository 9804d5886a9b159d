-- actrack schema version 7 (H2): follow flags ('liking', 'watching'…, as django-activity-stream's Follow.flag).
-- A user has one tracker per object and flag; '' is no flag (NOT NULL: NULLs are never equal in a unique key).
ALTER TABLE actrack_tracker ADD COLUMN flag VARCHAR(64) DEFAULT '' NOT NULL;
ALTER TABLE actrack_tracker DROP CONSTRAINT actrack_tracker_uk;
ALTER TABLE actrack_tracker ADD CONSTRAINT actrack_tracker_uk UNIQUE (owner_key, tracked_key, flag);
