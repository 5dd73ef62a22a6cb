-- 设备登记 (issue 11 item 3, docs/equipment.md, ADR 0031): each institution's equipment units, their maintenance,
-- inspection and third-party environmental safety test schedules with records, and attached documents (the
-- manufacturer's heat-distribution map and safety report of a hyperthermia machine, test reports). Institutions are
-- referred to by id only. Every change bumps register_revision in the same transaction (the eligibility cache key).
create schema if not exists equipment;

create table equipment.unit (
    id                   uuid          primary key,
    institution_id       uuid          not null,
    kind                 varchar(40)   not null check (kind ~ '^[A-Z][A-Z0-9_]*$'),
    registration_number  varchar(40),
    manufacturer         varchar(100)  not null,
    model                varchar(100)  not null,
    serial_number        varchar(100)  not null,
    installed_on         date          not null,
    status               varchar(20)   not null check (status in ('IN_SERVICE', 'OUT_OF_SERVICE', 'UNDER_REPAIR',
                                                                  'SCRAPPED')),
    location             varchar(100),
    note                 varchar(500),
    version              bigint        not null default 0,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    unique (institution_id, kind, serial_number)
);

create index unit_institution on equipment.unit (institution_id);

-- 维护 / 检测 / 第三方环境安全检测 schedules: due every interval_months, next_due moves with each record.
create table equipment.schedule (
    id               uuid          primary key,
    unit_id          uuid          not null references equipment.unit (id) on delete cascade,
    kind             varchar(20)   not null check (kind in ('MAINTENANCE', 'INSPECTION', 'SAFETY_TEST')),
    item             varchar(100)  not null,
    interval_months  integer       not null check (interval_months between 1 and 120),
    next_due         date          not null,
    created_at       timestamptz   not null,
    unique (unit_id, kind, item)
);

create table equipment.service_record (
    id            uuid          primary key,
    schedule_id   uuid          not null references equipment.schedule (id) on delete cascade,
    performed_on  date          not null,
    performed_by  varchar(100)  not null,
    result        varchar(20)   not null check (result in ('QUALIFIED', 'UNQUALIFIED')),
    note          varchar(500),
    next_due      date          not null,
    recorded_by   varchar(100)  not null,
    created_at    timestamptz   not null,
    check (next_due > performed_on)
);

create index service_record_schedule on equipment.service_record (schedule_id, performed_on desc);

create table equipment.attachment (
    id            uuid          primary key,
    unit_id       uuid          not null references equipment.unit (id) on delete cascade,
    record_id     uuid          references equipment.service_record (id) on delete cascade,
    purpose       varchar(30)   not null check (purpose in ('HEAT_DISTRIBUTION_MAP', 'MANUFACTURER_SAFETY_REPORT',
                                                             'TEST_REPORT')),
    file_name     varchar(255)  not null,
    content_type  varchar(100)  not null,
    sha256        char(64)      not null,
    size          bigint        not null check (size > 0),
    content       bytea         not null,
    uploaded_by   varchar(100)  not null,
    uploaded_at   timestamptz   not null,
    check ((purpose = 'TEST_REPORT') = (record_id is not null))
);

create index attachment_unit on equipment.attachment (unit_id);

create table equipment.register_revision (
    institution_id  uuid    primary key,
    revision        bigint  not null
);
