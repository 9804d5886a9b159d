-- actrack schema version 4 (H2): the whole log in time order, for the reads of what is new since a
-- position (live feeds read a node's new actions once for all their clients) and of the oldest actions (retention).
CREATE INDEX actrack_action_time_ix ON actrack_action (action_time, id);
