-- Self-registration of hospitals (onboarding, docs/onboarding.md): applications with their licence scan, the
-- offline captcha's answers (single use, expiring) and per-address request counters for the throttle. State lives
-- here, not in a node's memory, so that any node may answer any request.
create schema if not exists onboarding;

create table onboarding.registration (
    id                    uuid primary key,
    status                varchar(20)  not null check (status in ('PENDING', 'RETURNED', 'APPROVED')),
    name                  varchar(100) not null,
    credit_code           varchar(18)  not null,
    licence_number        varchar(60)  not null,
    issuer_name           varchar(100) not null,
    issuer_region_code    varchar(6)   not null,
    region_code           varchar(6)   not null,
    level                 varchar(20)  not null,
    type                  varchar(20)  not null,
    contact_name          varchar(60)  not null,
    contact_mobile        varchar(11)  not null,
    admin_username        varchar(60)  not null,
    scan_name             varchar(255) not null,
    scan_type             varchar(100) not null,
    scan                  bytea        not null,
    status_token_hash     varchar(64)  not null unique,
    return_reasons        text,
    institution_id        uuid,
    admin_user_id         uuid,
    activation_token      varchar(64),
    submitted_at          timestamptz  not null,
    decided_at            timestamptz,
    decided_by            uuid,
    version               int          not null default 0
);

-- An open or approved application holds its credit code and licence number: a second one is refused.
create unique index registration_credit_code_idx on onboarding.registration (credit_code);
create unique index registration_licence_idx on onboarding.registration (lower(licence_number));
create index registration_issuer_idx on onboarding.registration (status, issuer_region_code);

create table onboarding.captcha (
    id         uuid primary key,
    answer     varchar(8)  not null,
    address    varchar(64) not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create table onboarding.request_count (
    address      varchar(64) not null,
    action       varchar(20) not null,
    window_start timestamptz not null,
    count        int         not null,
    primary key (address, action, window_start)
);
