-- Physicians and other staff. Dated histories (titles, specialties, trainings, yearly volumes, adverse events) are
-- JSONB value collections of the person aggregate (ADR 0004). institution_id refers to institutions.institution by
-- id only (no cross-schema foreign key: modules own their schemas).
create table personnel.person (
    id                uuid primary key,
    institution_id    uuid,
    name              varchar(60) not null,
    gender            varchar(8),
    birth_date        date,
    roles             jsonb not null,
    licence_number    varchar(30),
    licence_issued_on date,
    licence_scopes    jsonb,
    clinical_start    date,
    titles            jsonb,
    specialties       jsonb,
    trainings         jsonb,
    case_volumes      jsonb,
    adverse_events    jsonb,
    attestations      jsonb,
    version           int not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);

create index person_institution_idx on personnel.person (institution_id);
create unique index person_licence_number_uq on personnel.person (licence_number) where licence_number is not null;
