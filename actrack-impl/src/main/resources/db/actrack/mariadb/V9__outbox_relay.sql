-- actrack schema version 9 (MariaDB): the outbox relay's bookkeeping. An event waits (PENDING) until an exporter took it,
-- then its row is deleted; a failure counts an attempt and sets when to try again, and after the last attempt the
-- event is DEAD (kept, with its last error, for an operator). A node claims an event for a while (claimed_until) so
-- that no other node delivers it at the same time. last_error is short: the payload takes most of MariaDB's 65,535
-- bytes a row.
ALTER TABLE actrack_outbox
    ADD COLUMN state VARCHAR(16) DEFAULT 'PENDING' NOT NULL,
    ADD COLUMN attempts INT DEFAULT 0 NOT NULL,
    ADD COLUMN next_attempt_at DATETIME(6) NULL,
    ADD COLUMN claimed_by VARCHAR(100) NULL,
    ADD COLUMN claimed_until DATETIME(6) NULL,
    ADD COLUMN last_error VARCHAR(255) NULL;
CREATE INDEX actrack_outbox_subject_ix ON actrack_outbox (aggregateid, created_at);
