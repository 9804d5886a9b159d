-- actrack schema version 5 (PostgreSQL): when each user's trackers last changed, so that the other nodes of a cluster
-- find the users whose trackers changed since a time with one statement (their live feeds then re-read them).
ALTER TABLE actrack_tracker_owner ADD COLUMN changed_at TIMESTAMP(6);
CREATE INDEX actrack_tracker_owner_changed_ix ON actrack_tracker_owner (changed_at);
