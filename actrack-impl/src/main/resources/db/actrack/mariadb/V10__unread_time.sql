-- actrack schema version 10 (MariaDB): each unread mark keeps its action's time, so that a user's unseen count (the
-- unread actions newer than the seen position, a notification badge) is a range of one index instead of a lookup of
-- every unread action. The owner's index becomes (owner_key, action_time, action_id): still one index per mark.
ALTER TABLE actrack_unread ADD COLUMN action_time DATETIME(6) NULL;
UPDATE actrack_unread u JOIN actrack_action a ON a.id = u.action_id SET u.action_time = a.action_time;
ALTER TABLE actrack_unread
    MODIFY action_time DATETIME(6) NOT NULL,
    DROP INDEX actrack_unread_owner_ix,
    ADD INDEX actrack_unread_owner_ix (owner_key, action_time, action_id);
