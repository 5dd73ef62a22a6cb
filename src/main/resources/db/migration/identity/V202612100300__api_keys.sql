-- API keys of machine clients (a hospital's HIS or scheduling system) for the order-entry check (GET /api/gate).
-- Created, named, rotated and revoked by the hospital's administrator; scoped to that hospital. The secret is shown
-- once and never stored: only the SHA-256 of its random part, found through the public prefix
-- (docs/adr/0015-api-keys-and-the-practice-view.md).
create table identity.api_key (
    id             uuid                     primary key,
    version        int                      not null default 0,
    institution_id uuid                     not null,
    name           varchar(60)              not null,
    prefix         varchar(16)              not null unique,  -- public lookup id, part of the key: rtms_<prefix>.<secret>
    secret_hash    char(64)                 not null,         -- hex SHA-256 of the secret part
    created_at     timestamp with time zone not null,
    created_by     uuid                     not null,
    created_by_name varchar(100)            not null,
    rotated_at     timestamp with time zone,
    revoked_at     timestamp with time zone,
    revoked_by_name varchar(100),
    last_used_at   timestamp with time zone
);
create index api_key_by_institution on identity.api_key (institution_id, created_at);
