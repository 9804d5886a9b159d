-- actrack schema version 13 (H2): every reference row carries the key of its action's first target, so that a
-- grouped read, which groups by first target, reads it from the rows it matched instead of looking it up per action.
-- NULL for an action without targets. Existing rows get theirs from their action's target at position 0.
ALTER TABLE actrack_action_ref ADD COLUMN first_target_key VARCHAR(255);
UPDATE actrack_action_ref r SET first_target_key = (
    SELECT t.ref_key FROM actrack_action_ref t WHERE t.action_id = r.action_id AND t.role = 'TARGET' AND t.position = 0);
