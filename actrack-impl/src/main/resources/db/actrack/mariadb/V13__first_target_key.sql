-- actrack schema version 13 (MariaDB): every reference row carries the key of its action's first target, so that a
-- grouped read, which groups by first target, reads it from the rows it matched instead of looking it up per action.
-- NULL for an action without targets. Existing rows get theirs from their action's target at position 0 (a join: MariaDB
-- reads no sub-select of the table an UPDATE changes).
ALTER TABLE actrack_action_ref ADD COLUMN first_target_key VARCHAR(255) NULL;
UPDATE actrack_action_ref r
    JOIN actrack_action_ref t ON t.action_id = r.action_id AND t.role = 'TARGET' AND t.position = 0
    SET r.first_target_key = t.ref_key;
