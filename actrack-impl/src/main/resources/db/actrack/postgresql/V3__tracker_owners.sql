-- actrack schema version 3 (PostgreSQL): one row per user owning trackers, locked while the user's trackers change,
-- so that concurrent track and untrack calls for one user run one after the other.
CREATE TABLE actrack_tracker_owner (
    owner_key VARCHAR(255) NOT NULL,
    CONSTRAINT actrack_tracker_owner_pk PRIMARY KEY (owner_key)
);
-- Rows are created on demand; these are the ones existing trackers would create.
INSERT INTO actrack_tracker_owner (owner_key) SELECT DISTINCT owner_key FROM actrack_tracker;
