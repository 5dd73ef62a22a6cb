-- The order-entry check (docs/gate.md, docs/adr/0015-api-keys-and-the-practice-view.md).

-- One counter, raised in the transaction of every change the in-memory practice view depends on (filings,
-- authorizations, people, institutions) just before it commits: a node that sees a new value reloads its view, so a
-- change committed on one node reaches the others within the revision-check interval.
create table cases.practice_revision (
    id         int                      primary key check (id = 1),
    revision   bigint                   not null,
    changed_at timestamp with time zone not null
);
insert into cases.practice_revision (id, revision, changed_at) values (1, 0, now());

-- Emergency overrides: a hospital system went ahead despite a DENY (or without asking); the 医务科 confirms later.
create table cases.gate_override (
    id                uuid                     primary key,
    institution_id    uuid                     not null,
    physician_id      uuid,                                -- resolved person, null when the reference matched nobody
    physician         varchar(64)              not null,   -- as sent: person id or 医师执业证书编码
    procedure_code    varchar(40),
    technology        varchar(10),
    decision          varchar(16)              not null,   -- the gate's answer at the time of the override
    reasons           jsonb                    not null,
    reason            varchar(500)             not null,
    api_key_id        uuid                     not null,
    api_key_name      varchar(60)              not null,
    requested_at      timestamp with time zone not null,
    confirmed_at      timestamp with time zone,
    confirmed_by      uuid,
    confirmed_by_name varchar(100),
    confirmation_note varchar(500)
);
create index gate_override_by_institution on cases.gate_override (institution_id, requested_at desc);

-- PracticeRights no longer listens after commit (it raises the revision before commit, ADR 0015): publications its
-- former after-commit listeners may have left would never complete.
delete from platform.event_publication where listener_id like 'cn.rtms.cases.PracticeRights.%';
