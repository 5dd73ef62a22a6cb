-- Administrative regions (GB/T 2260) and institutions. Value collections of the institution aggregate
-- (departments, facilities, equipment, rooms, licences, volumes, attestations) are JSONB documents: they have no
-- identity of their own and are always read and written with their institution (ADR 0004). A NULL collection
-- means "not recorded", an empty array "recorded: none".
create table institutions.region (
    code         varchar(6) primary key,
    name         varchar(60) not null,
    level        varchar(10) not null check (level in ('PROVINCE', 'CITY', 'COUNTY')),
    parent_code  varchar(6) references institutions.region (code),
    direct_admin boolean not null default false,
    note         varchar(200)
);

create table institutions.institution (
    id                         uuid primary key,
    name                       varchar(100) not null unique,
    region_code                varchar(6)   not null references institutions.region (code),
    level                      varchar(16)  not null,
    type                       varchar(16)  not null,
    licence_number             varchar(60),
    licence_issued_by          varchar(100),
    licence_issuer_region_code varchar(6) references institutions.region (code),
    licence_valid_from         date,
    licence_valid_until        date,
    registered_subjects        jsonb,
    departments                jsonb,
    facilities                 jsonb,
    equipment                  jsonb,
    operating_rooms            jsonb,
    licences                   jsonb,
    first_cases                jsonb,
    case_volumes               jsonb,
    attestations               jsonb,
    version                    int not null default 0,
    created_at                 timestamptz not null default now(),
    updated_at                 timestamptz not null default now()
);

create index institution_region_idx on institutions.institution (region_code);
