-- The case registry (病例登记): one row per reported procedure, its devices, flags, amendments and follow-ups.
-- institution_id, operator_id and people in assistant_ids refer to other modules' records by id only.
create schema if not exists cases;

create table cases.case_report (
    id                      uuid          primary key,
    version                 int           not null default 0,
    institution_id          uuid          not null,
    institution_region_code varchar(6)    not null,
    technology              varchar(10)   not null,
    form_key                varchar(30)   not null,            -- case-form definition, e.g. G08-2023
    status                  varchar(12)   not null check (status in ('DRAFT', 'SUBMITTED')),
    medical_record_no       varchar(40)   not null,            -- 病案号
    inpatient_no            varchar(40),                       -- 住院号
    -- patient: name, ID-card number and phone encrypted (AES-GCM); keyed hash for duplicate checks; pseudonym for
    -- authorities and exports
    patient_name_enc        bytea,
    patient_id_no_enc       bytea,
    patient_phone_enc       bytea,
    patient_id_no_hash      char(64),
    patient_pseudonym       varchar(20)   not null,
    patient_sex             varchar(1)    check (patient_sex in ('M', 'F')),
    patient_birth_date      date,
    sub_technique           varchar(20),
    route                   varchar(40),
    procedure_codes         jsonb         not null default '[]', -- [{code, name, inSpecList}]
    admission_date          date,
    operation_date          date,
    discharge_date          date,
    department              varchar(60),
    operator_id             uuid,
    assistant_ids           jsonb         not null default '[]',
    informed_consent        boolean,
    complications           jsonb         not null default '[]', -- [{name, onsetDate, grade}]
    death_date              date,
    discharge_status        varchar(30),
    form_data               jsonb         not null default '{}', -- technology-specific fields by key
    confirmed_warnings      jsonb         not null default '[]', -- codes of plausibility warnings the clerk confirmed
    flags                   jsonb         not null default '[]', -- [{code, message}] set on submit
    source                  varchar(20)   not null default 'FORM', -- FORM, IMPORT, DEMO
    created_at              timestamptz   not null,
    created_by              uuid          not null,
    updated_at              timestamptz   not null,
    submitted_at            timestamptz,
    submitted_by            uuid,
    constraint case_report_dates_ck check (admission_date is null or operation_date is null
        or admission_date <= operation_date),
    constraint case_report_discharge_ck check (operation_date is null or discharge_date is null
        or operation_date <= discharge_date),
    constraint case_report_submitted_ck check (status = 'DRAFT' or (operation_date is not null
        and submitted_at is not null))
);

-- Duplicate rejection: same institution + technology + 病案号 + operation date.
create unique index case_report_identity_uidx on cases.case_report
    (institution_id, technology, medical_record_no, operation_date);
create index case_report_institution_idx on cases.case_report (institution_id, technology, operation_date);
create index case_report_region_idx on cases.case_report (institution_region_code);
create index case_report_operator_idx on cases.case_report (operator_id, technology, operation_date);
create index case_report_flags_idx on cases.case_report using gin (flags jsonb_path_ops);

-- Devices and consumables used in a case, as scanned and as read (cn.rtms.devices.DeviceBarcodes).
create table cases.case_device (
    id                uuid         primary key,
    case_id           uuid         not null references cases.case_report (id) on delete cascade,
    position          int          not null,
    scanned           varchar(200) not null,
    barcode_type      varchar(10)  not null,  -- GS1, MA, PLAIN
    gtin              varchar(14),
    lot               varchar(20),
    serial            varchar(20),
    expiry_date       date,
    production_date   date,
    registration_no   varchar(60),            -- NMPA 注册证编号
    name              varchar(100),
    single_use        boolean      not null default true,
    quantity          int          not null default 1 check (quantity between 1 and 10000)
);

create index case_device_case_idx on cases.case_device (case_id);
-- A single-use device (by GTIN + serial) is used in at most one case; checked with both cases named before insert.
create unique index case_device_single_use_uidx on cases.case_device (gtin, serial)
    where single_use and gtin is not null and serial is not null;

-- Amendments of submitted cases: who, when, why, and the fields before and after.
create table cases.case_amendment (
    id          uuid          primary key,
    case_id     uuid          not null references cases.case_report (id),
    amended_at  timestamptz   not null,
    amended_by  uuid          not null,
    reason      varchar(500)  not null,
    before      jsonb         not null,
    after       jsonb         not null
);

create index case_amendment_case_idx on cases.case_amendment (case_id);

-- Follow-ups scheduled from the operation date as the technology's case form says (6 months, 1, 2, 3, 5 years …).
create table cases.follow_up (
    id              uuid          primary key,
    case_id         uuid          not null references cases.case_report (id) on delete cascade,
    institution_id  uuid          not null,
    label           varchar(20)   not null,   -- e.g. 6个月, 1年
    period          varchar(10)   not null,   -- ISO-8601 period, e.g. P6M
    due_date        date          not null,
    performed_on    date,
    method          varchar(20),              -- OUTPATIENT, PHONE, INPATIENT, LETTER, OTHER
    vital_status    varchar(10)   check (vital_status in ('ALIVE', 'DEAD', 'LOST')),
    death_date      date,
    disease_status  varchar(30),              -- e.g. NO_RECURRENCE, LOCAL_RECURRENCE, PROGRESSION, STABLE
    note            varchar(500),
    recorded_by     uuid,
    recorded_at     timestamptz,
    version         int           not null default 0,
    unique (case_id, period)
);

create index follow_up_due_idx on cases.follow_up (institution_id, due_date) where performed_on is null;
