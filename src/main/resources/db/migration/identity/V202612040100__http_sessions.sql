-- HTTP sessions in PostgreSQL (Spring Session JDBC, table name spring.session.jdbc.table-name=identity.spring_session)
-- so that every node behind the reverse proxy sees the same sessions (docs/adr/0011-sessions-locks-and-events-in-the-database.md).
-- The layout is Spring Session's own PostgreSQL schema; it is created here by Flyway, never by the application.
-- principal_name holds the account id (FindByIndexNameSessionRepository's principal index): a password change
-- or reset deletes the account's other sessions by it.
create schema if not exists identity;

create table identity.spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on identity.spring_session (session_id);
create index spring_session_ix2 on identity.spring_session (expiry_time);
create index spring_session_ix3 on identity.spring_session (principal_name);

create table identity.spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references identity.spring_session (primary_id) on delete cascade
);
