-- 手术/技术授权. The schema is called "authorizations" because AUTHORIZATION is a reserved word in PostgreSQL.
-- person_id and institution_id refer to personnel.person and institutions.institution by id only (modules own their
-- schemas). A GRANTED record is never updated except to revoke it.
create schema if not exists authorizations;

-- btree_gist lets the exclusion constraint compare uuid/varchar for equality; it is a trusted extension (PG ≥ 13).
create extension if not exists btree_gist with schema authorizations;

create table authorizations.physician_authorization (
    id                   uuid primary key,
    person_id            uuid         not null,
    institution_id       uuid         not null,
    technology           varchar(10)  not null,
    sub_techniques       jsonb        not null default '[]',
    valid_from           date         not null,
    valid_until          date         not null,
    note                 varchar(500),
    status               varchar(10)  not null check (status in ('PENDING', 'GRANTED', 'REJECTED', 'REVOKED')),
    created_by           varchar(60)  not null,
    created_by_name      varchar(100) not null,
    created_at           timestamptz  not null,
    decided_by           varchar(60),
    decided_by_name      varchar(100),
    decided_at           timestamptz,
    rejection_reason     varchar(500),
    eligibility_spec_key varchar(30),
    eligibility_status   varchar(20),
    revoked_by           varchar(60),
    revoked_by_name      varchar(100),
    revoked_at           timestamptz,
    revocation_reason    varchar(500),
    version              int          not null default 0,
    constraint physician_authorization_period_ck check (valid_until > valid_from),
    constraint physician_authorization_rejected_ck check (status <> 'REJECTED' or rejection_reason is not null),
    constraint physician_authorization_revoked_ck check (status <> 'REVOKED' or revocation_reason is not null),
    -- At most one effective grant per physician and technology on any day: GRANTED records of the same physician and
    -- technology may not have overlapping validity. (A partial unique index cannot say "covering today", and one on
    -- status alone would block renewals granted ahead of the old grant's end.)
    constraint physician_authorization_one_grant_ex exclude using gist (
        person_id with =, technology with =, daterange(valid_from, valid_until, '[]') with &&
    ) where (status = 'GRANTED')
);

create index physician_authorization_institution_idx on authorizations.physician_authorization (institution_id);
create index physician_authorization_person_idx on authorizations.physician_authorization (person_id, technology);
create index physician_authorization_valid_until_idx on authorizations.physician_authorization (valid_until)
    where status = 'GRANTED';
