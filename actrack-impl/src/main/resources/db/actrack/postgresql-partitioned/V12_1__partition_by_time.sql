-- actrack, time partitions (PostgreSQL 13 or later), after schema version 12: actrack_action, actrack_action_ref and
-- actrack_unread become tables partitioned by range of action_time, so that old history goes by dropping whole
-- partitions (log.history().prune does that, then deletes what remains row by row). Partitions are created by
-- pg_partman (partman.create_parent with p_type 'native') or by hand (CREATE TABLE … PARTITION OF … FOR VALUES FROM … TO …);
-- this script creates none. docs/schema.md, "Time partitions", is the recipe.
--
-- A partitioned table's primary and unique keys must hold its partition column: each key here gains action_time,
-- the foreign key from references to actions becomes (action_id, action_time), and the uniqueness of foreign ids,
-- which no partitioned index can give, moves to actrack_foreign_id, claimed by a trigger: an insert whose foreign id
-- is taken inserts nothing, as ON CONFLICT DO NOTHING does on the unpartitioned table.
--
-- For a new installation: it refuses to run on tables that hold actions.

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM actrack_action) THEN
        RAISE EXCEPTION 'actrack_action holds actions: partition a new installation, or move the rows yourself (docs/schema.md, "Time partitions")';
    END IF;
END
$$;

DROP TABLE actrack_unread;
DROP TABLE actrack_action_ref;
DROP TABLE actrack_action;

CREATE TABLE actrack_action (
    id           BIGINT        NOT NULL,
    actor_type   VARCHAR(255),
    actor_id     VARCHAR(255),
    verb         VARCHAR(255)  NOT NULL,
    action_level INTEGER       NOT NULL,
    data         VARCHAR(8000) NOT NULL,
    action_time  TIMESTAMP(6)  NOT NULL,
    foreign_id   VARCHAR(80),
    CONSTRAINT actrack_action_pk PRIMARY KEY (id, action_time)
) PARTITION BY RANGE (action_time);
CREATE INDEX actrack_action_verb_time_ix ON actrack_action (verb, action_time);
CREATE INDEX actrack_action_time_ix ON actrack_action (action_time, id);
CREATE INDEX actrack_action_foreign_ix ON actrack_action (foreign_id);

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
    CONSTRAINT actrack_action_ref_pk PRIMARY KEY (id, action_time),
    CONSTRAINT actrack_action_ref_uk UNIQUE (action_id, role, ref_key, action_time),
    CONSTRAINT actrack_action_ref_role_ck CHECK (role IN ('ACTOR', 'TARGET', 'RELATED')),
    CONSTRAINT actrack_action_ref_action_fk FOREIGN KEY (action_id, action_time)
        REFERENCES actrack_action (id, action_time)
) PARTITION BY RANGE (action_time);
CREATE INDEX actrack_ref_key_time_ix ON actrack_action_ref (ref_key, action_time, action_id);
CREATE INDEX actrack_ref_type_time_ix ON actrack_action_ref (ref_type, action_time, action_id);

CREATE TABLE actrack_unread (
    owner_key   VARCHAR(255) NOT NULL,
    action_id   BIGINT       NOT NULL,
    action_time TIMESTAMP(6) NOT NULL,
    CONSTRAINT actrack_unread_pk PRIMARY KEY (action_id, owner_key, action_time)
) PARTITION BY RANGE (action_time);
CREATE INDEX actrack_unread_owner_ix ON actrack_unread (owner_key, action_time, action_id);
CREATE INDEX actrack_unread_action_ix ON actrack_unread (action_id);

-- The foreign ids in use, one row each: what makes them unique across partitions.
CREATE TABLE actrack_foreign_id (
    foreign_id  VARCHAR(80)  NOT NULL,
    action_id   BIGINT       NOT NULL,
    action_time TIMESTAMP(6) NOT NULL,
    CONSTRAINT actrack_foreign_id_pk PRIMARY KEY (foreign_id)
);
CREATE INDEX actrack_foreign_id_time_ix ON actrack_foreign_id (action_time);

-- Before an action with a foreign id goes in: claims the id, or skips the row when another action holds it (waiting,
-- as a unique index does, for a transaction that is claiming it at the same moment).
CREATE FUNCTION actrack_claim_foreign_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.foreign_id IS NULL THEN
        RETURN NEW;
    END IF;
    INSERT INTO actrack_foreign_id (foreign_id, action_id, action_time)
    VALUES (NEW.foreign_id, NEW.id, NEW.action_time)
    ON CONFLICT DO NOTHING;
    IF FOUND THEN
        RETURN NEW;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER actrack_action_claim_foreign_id BEFORE INSERT ON actrack_action
    FOR EACH ROW EXECUTE FUNCTION actrack_claim_foreign_id();

-- After an action is deleted row by row: its foreign id is free again. Dropped partitions fire no trigger: prune
-- deletes their foreign ids by time.
CREATE FUNCTION actrack_release_foreign_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM actrack_foreign_id WHERE foreign_id = OLD.foreign_id AND action_id = OLD.id;
    RETURN OLD;
END
$$;
CREATE TRIGGER actrack_action_release_foreign_id AFTER DELETE ON actrack_action
    FOR EACH ROW WHEN (OLD.foreign_id IS NOT NULL) EXECUTE FUNCTION actrack_release_foreign_id();
