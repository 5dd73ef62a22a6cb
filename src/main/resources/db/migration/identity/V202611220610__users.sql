-- User accounts (identity). Institution, person and region are referenced by id/code only: identity owns no
-- other module's tables (the region tree and institution names come through identity's RegionHierarchy and
-- InstitutionDirectory, implemented by institutions). Password hashes are BCrypt.
create schema if not exists identity;

create table identity.user_account (
    id                   uuid primary key,
    username             varchar(60)  not null,
    display_name         varchar(100) not null,
    role                 varchar(30)  not null check (role in ('HOSPITAL_CLERK', 'HOSPITAL_ADMIN', 'PHYSICIAN',
                             'COUNTY_AUTHORITY', 'CITY_AUTHORITY', 'PROVINCE_AUTHORITY', 'EXPERT',
                             'TRAINING_BASE_ADMIN', 'SYSTEM_ADMIN')),
    institution_id       uuid,
    person_id            uuid,
    region_code          varchar(6),
    password_hash        varchar(100) not null,
    must_change_password boolean      not null default true,
    enabled              boolean      not null default true,
    failed_attempts      int          not null default 0 check (failed_attempts >= 0),
    locked_until         timestamptz,
    password_changed_at  timestamptz,
    last_login_at        timestamptz,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now()
);

create unique index user_account_username_idx on identity.user_account (lower(username));
