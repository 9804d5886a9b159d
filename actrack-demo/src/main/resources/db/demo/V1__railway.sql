-- The demo's own tables: stations, trains and users, in SQL that H2 and PostgreSQL both run.
-- actrack's tables come from actrack's migrations, one folder per database.
CREATE SEQUENCE demo_station_seq START WITH 10 INCREMENT BY 10;
CREATE SEQUENCE demo_train_seq START WITH 10 INCREMENT BY 10;
CREATE SEQUENCE demo_user_seq START WITH 10 INCREMENT BY 10;

CREATE TABLE demo_station (
    id   BIGINT NOT NULL PRIMARY KEY,
    name VARCHAR(255)
);

CREATE TABLE demo_train (
    id           BIGINT  NOT NULL PRIMARY KEY,
    name         VARCHAR(255),
    location_id  BIGINT REFERENCES demo_station (id),
    headingto_id BIGINT REFERENCES demo_station (id),
    retired      BOOLEAN NOT NULL
);

CREATE TABLE demo_user (
    id   BIGINT NOT NULL PRIMARY KEY,
    name VARCHAR(255)
);
