-- Filings (备案) of restricted technologies. The aggregate is one JSON document (body); the columns beside it are
-- what queries select on. version is the optimistic lock: every update is "where version = the version read".
create table filing.filing (
    id                      uuid         primary key,
    version                 bigint       not null,
    institution_id          uuid         not null,
    institution_region_code varchar(6)   not null,
    technology              varchar(10)  not null,
    state                   varchar(30)  not null,
    holder_region_code      varchar(6),
    receiving_region_code   varchar(6)   not null,
    review_region_code      varchar(6)   not null,
    action_due_on           date,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    body                    jsonb        not null
);

-- One open or active filing per institution and technology.
create unique index filing_open_uidx on filing.filing (institution_id, technology)
    where state not in ('REJECTED', 'REVOKED');
create index filing_holder_idx on filing.filing (holder_region_code);
create index filing_receiving_idx on filing.filing (receiving_region_code);
create index filing_state_idx on filing.filing (state);
create index filing_experts_idx on filing.filing using gin ((body -> 'experts') jsonb_path_ops);

-- Evidence files, written in the same transaction as the filing change that references them.
create table filing.document (
    id           uuid         primary key,
    filing_id    uuid         not null references filing.filing (id),
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size         bigint       not null,
    sha256       char(64)     not null,
    content      bytea        not null,
    uploaded_at  timestamptz  not null
);

create index document_filing_idx on filing.document (filing_id);
