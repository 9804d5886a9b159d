-- actrack schema version 7 (MariaDB): follow flags ('liking', 'watching'…, as django-activity-stream's Follow.flag).
-- A user has one tracker per object and flag; '' is no flag (NOT NULL: NULLs are never equal in a unique key). One
-- statement, so that the table never lacks its unique key.
ALTER TABLE actrack_tracker
    ADD COLUMN flag VARCHAR(64) DEFAULT '' NOT NULL,
    DROP INDEX actrack_tracker_uk,
    ADD CONSTRAINT actrack_tracker_uk UNIQUE (owner_key, tracked_key, flag);
