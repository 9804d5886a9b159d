-- actrack schema version 10 (H2): each unread mark keeps its action's time, so that a user's unseen count (the
-- unread actions newer than the seen position, a notification badge) is a range of one index instead of a lookup of
-- every unread action. The owner's index becomes (owner_key, action_time, action_id): still one index per mark.
ALTER TABLE actrack_unread ADD COLUMN action_time TIMESTAMP(6);
UPDATE actrack_unread SET action_time = (SELECT a.action_time FROM actrack_action a WHERE a.id = actrack_unread.action_id);
ALTER TABLE actrack_unread ALTER COLUMN action_time SET NOT NULL;
DROP INDEX actrack_unread_owner_ix;
CREATE INDEX actrack_unread_owner_ix ON actrack_unread (owner_key, action_time, action_id);
