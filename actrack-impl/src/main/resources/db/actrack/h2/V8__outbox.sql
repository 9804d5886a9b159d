-- actrack schema version 8 (H2): the outbox. With actrack.outbox=true each stored action (and each update of one by
-- grouping) writes a row here in the transaction that logged it, so that an event exists if and only if the action
-- committed. The columns are those Debezium's outbox event router reads (id, aggregatetype, aggregateid, type,
-- payload), and created_at for its timestamp; payload is the whole event as a CloudEvent (JSON event format).
CREATE TABLE actrack_outbox (
    id            VARCHAR(100)   NOT NULL,
    aggregatetype VARCHAR(64)    NOT NULL,
    aggregateid   VARCHAR(255)   NOT NULL,
    type          VARCHAR(64)    NOT NULL,
    payload       VARCHAR(15000) NOT NULL,
    created_at    TIMESTAMP(6)   NOT NULL,
    CONSTRAINT actrack_outbox_pk PRIMARY KEY (id)
);
CREATE INDEX actrack_outbox_created_ix ON actrack_outbox (created_at);
