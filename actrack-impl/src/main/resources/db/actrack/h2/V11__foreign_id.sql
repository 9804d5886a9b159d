-- actrack schema version 11 (H2): an action may carry the application's own key (Options.foreignId), unique among
-- actions, so that logging it again (a retried request, a redelivered message) writes nothing. Most actions have
-- none: NULL, which a unique index does not compare.
ALTER TABLE actrack_action ADD COLUMN foreign_id VARCHAR(80) NULL;
CREATE UNIQUE INDEX actrack_action_foreign_ix ON actrack_action (foreign_id);
