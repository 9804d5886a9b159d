-- actrack schema version 6 (MariaDB): each user's seen position, which the notification badge counts from (the unread
-- actions newer than it are unseen); NULL until the user first marks their feed seen.
ALTER TABLE actrack_tracker_owner ADD COLUMN seen_at DATETIME(6) NULL;
