-- actrack schema version 1 (PostgreSQL): actions, the references that index them, and trackers.
-- Sequence increments equal the entities' allocation sizes; both JPA providers read a value as the top of its block.

CREATE SEQUENCE actrack_action_seq START WITH 100 INCREMENT BY 100;
CREATE SEQUENCE actrack_action_ref_seq START WITH 300 INCREMENT BY 300;
CREATE SEQUENCE actrack_tracker_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE actrack_action (
    id           BIGINT        NOT NULL,
    actor_type   VARCHAR(255),
    actor_id     VARCHAR(255),
    verb         VARCHAR(255)  NOT NULL,
    action_level INTEGER       NOT NULL,
    data         VARCHAR(8000) NOT NULL,
    action_time  TIMESTAMP(6)  NOT NULL,
    CONSTRAINT actrack_action_pk PRIMARY KEY (id)
);
CREATE INDEX actrack_action_verb_time_ix ON actrack_action (verb, action_time);

-- One row per actor, target and related object of an action, with the action's verb, level and time copied
-- so that an object's stream and a feed are read from one index range.
CREATE TABLE actrack_action_ref (
    id           BIGINT       NOT NULL,
    action_id    BIGINT       NOT NULL,
    role         VARCHAR(8)   NOT NULL,
    position     INTEGER      NOT NULL,
    ref_type     VARCHAR(255) NOT NULL,
    ref_id       VARCHAR(255) NOT NULL,
    ref_key      VARCHAR(255) NOT NULL,
    verb         VARCHAR(255) NOT NULL,
    action_level INTEGER      NOT NULL,
    action_time  TIMESTAMP(6) NOT NULL,
    CONSTRAINT actrack_action_ref_pk PRIMARY KEY (id),
    CONSTRAINT actrack_action_ref_uk UNIQUE (action_id, role, ref_key),
    CONSTRAINT actrack_action_ref_role_ck CHECK (role IN ('ACTOR', 'TARGET', 'RELATED')),
    CONSTRAINT actrack_action_ref_action_fk FOREIGN KEY (action_id) REFERENCES actrack_action (id)
);
CREATE INDEX actrack_ref_key_time_ix ON actrack_action_ref (ref_key, action_time, action_id);
CREATE INDEX actrack_ref_type_time_ix ON actrack_action_ref (ref_type, action_time, action_id);

CREATE TABLE actrack_tracker (
    id           BIGINT       NOT NULL,
    owner_type   VARCHAR(255) NOT NULL,
    owner_id     VARCHAR(255) NOT NULL,
    owner_key    VARCHAR(255) NOT NULL,
    tracked_type VARCHAR(255) NOT NULL,
    tracked_id   VARCHAR(255),
    tracked_key  VARCHAR(255) NOT NULL,
    actor_only   BOOLEAN      NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    CONSTRAINT actrack_tracker_pk PRIMARY KEY (id),
    CONSTRAINT actrack_tracker_uk UNIQUE (owner_key, tracked_key)
);
CREATE INDEX actrack_tracker_tracked_ix ON actrack_tracker (tracked_key);

CREATE TABLE actrack_tracker_verb (
    tracker_id BIGINT       NOT NULL,
    verb       VARCHAR(255) NOT NULL,
    CONSTRAINT actrack_tracker_verb_pk PRIMARY KEY (tracker_id, verb),
    CONSTRAINT actrack_tracker_verb_tracker_fk FOREIGN KEY (tracker_id) REFERENCES actrack_tracker (id)
);
