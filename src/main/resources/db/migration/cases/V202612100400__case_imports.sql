-- Case imports (issue 8, item 6): one row per uploaded file, its progress and outcome, and every bad cell found.
-- The uploaded file itself stays on disk (rtms.cases.import.dir) for the annotated copy.
create table cases.case_import (
    id              uuid          primary key,
    institution_id  uuid          not null,
    technology      varchar(10)   not null,
    form_key        varchar(30)   not null,
    file_name       varchar(255)  not null,
    file_format     varchar(4)    not null check (file_format in ('XLSX', 'CSV')),
    file_charset    varchar(20)   not null,
    file_size       bigint        not null,
    file_sha256     char(64)      not null,
    valid_only      boolean       not null,            -- 仅导入有效行
    confirm_warnings boolean      not null,            -- plausibility warnings confirmed for every row
    status          varchar(10)   not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total_rows      int,                               -- approximate while running (the sheet's declared size)
    processed_rows  int           not null default 0,
    inserted        int           not null default 0,
    duplicates      int           not null default 0,  -- rows already in the registry (re-import), skipped
    invalid_rows    int           not null default 0,
    problem_count   int           not null default 0,
    findings        jsonb         not null default '{}', -- {UNFILED: n, UNAUTHORIZED: n, …} of imported rows
    outcome         varchar(1000),                     -- Chinese summary
    error_column    int,                               -- 0-based column of 错误 in the annotated copy
    date_columns    jsonb         not null default '[]',
    created_by      uuid          not null,
    created_at      timestamptz   not null,
    started_at      timestamptz,
    finished_at     timestamptz
);

create index case_import_institution_idx on cases.case_import (institution_id, created_at desc);

create table cases.case_import_problem (
    import_id       uuid          not null references cases.case_import (id) on delete cascade,
    seq             int           not null,
    row_no          int           not null,
    column_letter   varchar(3)    not null,            -- empty when the problem is the whole row
    header          varchar(200)  not null,
    message         varchar(1000) not null,
    primary key (import_id, seq)
);

create index case_import_problem_row_idx on cases.case_import_problem (import_id, row_no, seq);
