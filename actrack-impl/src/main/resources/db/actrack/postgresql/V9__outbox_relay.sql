-- actrack schema version 9 (PostgreSQL): the outbox relay's bookkeeping. An event waits (PENDING) until an exporter took it,
-- then its row is deleted; a failure counts an attempt and sets when to try again, and after the last attempt the
-- event is DEAD (kept, with its last error, for an operator). A node claims an event for a while (claimed_until) so
-- that no other node delivers it at the same time.
ALTER TABLE actrack_outbox ADD COLUMN state VARCHAR(16) DEFAULT 'PENDING' NOT NULL;
ALTER TABLE actrack_outbox ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE actrack_outbox ADD COLUMN next_attempt_at TIMESTAMP(6);
ALTER TABLE actrack_outbox ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE actrack_outbox ADD COLUMN claimed_until TIMESTAMP(6);
ALTER TABLE actrack_outbox ADD COLUMN last_error VARCHAR(255);
CREATE INDEX actrack_outbox_subject_ix ON actrack_outbox (aggregateid, created_at);
