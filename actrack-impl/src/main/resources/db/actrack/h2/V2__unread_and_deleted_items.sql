-- actrack schema version 2 (H2): unread state, and what remains of removed entities.
-- Actions stored before this version are read by everyone: no unread rows are created for them.

-- One row per (user, action) the user has not read. Owner first, so that a user's unread actions are one range.
CREATE TABLE actrack_unread (
    owner_key VARCHAR(255) NOT NULL,
    action_id BIGINT       NOT NULL,
    CONSTRAINT actrack_unread_pk PRIMARY KEY (action_id, owner_key)
);
CREATE INDEX actrack_unread_owner_ix ON actrack_unread (owner_key, action_id);
CREATE INDEX actrack_unread_action_ix ON actrack_unread (action_id);

CREATE TABLE actrack_deleted_item (
    id            BIGINT        NOT NULL,
    entity_type   VARCHAR(255)  NOT NULL,
    entity_id     VARCHAR(255)  NOT NULL,
    description   VARCHAR(255)  NOT NULL,
    serialization VARCHAR(8000) NOT NULL,
    deleted_at    TIMESTAMP(6)  NOT NULL,
    CONSTRAINT actrack_deleted_item_pk PRIMARY KEY (id)
);
CREATE INDEX actrack_deleted_item_original_ix ON actrack_deleted_item (entity_type, entity_id);

-- Deleted items take their ids from a table, so that an id is known while the provider removes an entity.
CREATE TABLE actrack_id_generator (
    name       VARCHAR(255) NOT NULL,
    next_value BIGINT,
    CONSTRAINT actrack_id_generator_pk PRIMARY KEY (name)
);
INSERT INTO actrack_id_generator (name, next_value) VALUES ('deleted_item', 0);
