-- actrack schema version 12 (H2): actions unread by position (ActionHandler.unreadByPosition), which cost one row
-- per action instead of one unread mark per follower.

-- Each user's read position: the broadcast actions at or before it are read. NULL until the user first marks all read.
ALTER TABLE actrack_tracker_owner ADD COLUMN read_at TIMESTAMP(6);

-- One row per action unread by position, with its time, so that the actions after a read position are one range.
CREATE TABLE actrack_broadcast (
    action_id   BIGINT       NOT NULL,
    action_time TIMESTAMP(6) NOT NULL,
    CONSTRAINT actrack_broadcast_pk PRIMARY KEY (action_id)
);
CREATE INDEX actrack_broadcast_time_ix ON actrack_broadcast (action_time, action_id);

-- One row per (user, broadcast action) the user read one by one after their read position.
CREATE TABLE actrack_read_mark (
    owner_key   VARCHAR(255) NOT NULL,
    action_id   BIGINT       NOT NULL,
    action_time TIMESTAMP(6) NOT NULL,
    CONSTRAINT actrack_read_mark_pk PRIMARY KEY (owner_key, action_id)
);
CREATE INDEX actrack_read_mark_action_ix ON actrack_read_mark (action_id);
