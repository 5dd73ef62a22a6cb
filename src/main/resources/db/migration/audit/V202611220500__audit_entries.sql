-- Append-only audit trail. Each entry's hash covers the previous entry's hash and every field of the entry, so any
-- change, deletion or insertion breaks the chain at that point (verified by GET /api/audit/verify and
-- ./rtms audit-verify). before/after are kept as the exact JSON text that was hashed.
create table audit.entry (
    id            bigserial primary key,
    occurred_at   timestamptz  not null,
    actor_id      varchar(40),
    actor_name    varchar(100) not null,
    actor_role    varchar(40),
    address       varchar(64)  not null,
    action        varchar(60)  not null,
    entity_type   varchar(40)  not null,
    entity_id     varchar(64)  not null,
    before_state  text,
    after_state   text,
    previous_hash char(64)     not null,
    hash          char(64)     not null unique
);

create index entry_entity_idx on audit.entry (entity_type, entity_id);

revoke update, delete, truncate on audit.entry from public;
