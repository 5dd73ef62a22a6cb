-- Discharge abstracts (出院病案首页) uploaded by hospitals for the discharge scan (docs/discharge-scan.md).
-- One batch per upload; a file already imported (same sha256) or a row already imported (same content key) is not
-- stored again. Patient names, ID numbers and phone numbers are never stored: only 病案号 and 住院号.
create table cases.discharge_batch (
    id                      uuid          primary key,
    institution_id          uuid          not null,
    file_name               varchar(255)  not null,
    sha256                  char(64)      not null,
    format                  varchar(4)    not null check (format in ('CSV', 'XLSX')),
    charset                 varchar(20),
    row_count               int           not null,            -- data rows in the file
    inserted_count          int           not null,            -- rows stored by this batch
    duplicate_count         int           not null,            -- rows already stored by an earlier batch or twice in the file
    restricted_count        int           not null,            -- restricted procedures found in the stored rows
    first_discharge         date,
    last_discharge          date,
    summary                 jsonb         not null default '{}', -- {ignoredColumns, invalidCodes, suspectCodes, unmatchedCodes}
    uploaded_at             timestamptz   not null,
    uploaded_by             uuid          not null,
    constraint discharge_batch_file_uq unique (institution_id, sha256)
);

create index discharge_batch_institution_idx on cases.discharge_batch (institution_id, uploaded_at desc);

create table cases.discharge_record (
    id                  uuid          primary key,
    batch_id            uuid          not null references cases.discharge_batch (id) on delete cascade,
    institution_id      uuid          not null,
    row_no              int           not null,
    content_key         char(64)      not null,             -- sha256 of the row's content (docs/discharge-scan.md)
    medical_record_no   varchar(40)   not null,             -- 病案号
    inpatient_no        varchar(40),                        -- 住院号
    admission_date      date          not null,
    discharge_date      date          not null,
    department          varchar(60),
    operation_date      date,
    operator_text       varchar(50),                        -- 术者 as written (name or 医师执业证书编码)
    operator_id         uuid,                               -- resolved person of the institution, when unique
    operator_status     varchar(12)   not null check (operator_status in ('RESOLVED', 'MISSING', 'UNKNOWN', 'AMBIGUOUS')),
    discharge_method    varchar(30),
    codes               jsonb         not null default '[]', -- [{raw, code, principal}]
    notes               jsonb         not null default '[]', -- [{note, raw, code, message}] codes not mapped
    constraint discharge_record_row_uq unique (institution_id, content_key)
);

create index discharge_record_batch_idx on cases.discharge_record (batch_id);
create index discharge_record_mrn_idx on cases.discharge_record (institution_id, medical_record_no);

-- Restricted procedures found in a record by the spec code lists (one per technology and record).
create table cases.discharge_procedure (
    id                  uuid          primary key,
    record_id           uuid          not null references cases.discharge_record (id) on delete cascade,
    institution_id      uuid          not null,
    technology          varchar(10)   not null,
    sub_technique       varchar(20),
    code                varchar(20)   not null,
    name                varchar(100)  not null,
    main_procedure      varchar(20),                        -- G10: the procedure the robot assisted
    spec_key            varchar(30)   not null,
    procedure_date      date          not null              -- 手术日期
);

create index discharge_procedure_scan_idx on cases.discharge_procedure (institution_id, procedure_date, technology);
create index discharge_procedure_record_idx on cases.discharge_procedure (record_id);
