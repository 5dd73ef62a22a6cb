-- 学员培训档案 (issue 11 item 2, docs/training.md "Trainees", ADR 0032). A trainee file per person × base; its case
-- log and exams; overseas trainings with their certificate; exemption requests (免于培训); and a revision per
-- employing institution that the eligibility cache key reads (TrainingRecordSource.revision).
create table training.trainee_file (
    id                     uuid          primary key,
    person_id              uuid          not null,
    person_name            varchar(60)   not null,
    person_institution_id  uuid          not null,
    base_id                uuid          not null references training.training_base (id),
    base_institution_id    uuid          not null,
    technology             varchar(10)   not null,
    spec_key               varchar(20)   not null,
    enrolled_on            date          not null,
    started_on             date          not null,
    ended_on               date          not null,
    theory_hours           integer       not null default 0 check (theory_hours between 0 and 10000),
    conclusion             varchar(10)   check (conclusion in ('PASSED', 'FAILED')),
    concluded_on           date,
    conclusion_note        varchar(500),
    version                bigint        not null default 0,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    check (ended_on >= started_on),
    check ((conclusion is null) = (concluded_on is null))
);

-- One live file per person, base and technology.
create unique index trainee_file_once on training.trainee_file (person_id, base_id, technology);
create index trainee_file_person on training.trainee_file (person_id);
create index trainee_file_base_institution on training.trainee_file (base_institution_id);
create index trainee_file_person_institution on training.trainee_file (person_institution_id);

-- 病例记录: one line per case and role; PARTICIPATED 参与完成, SUPERVISED 在指导下独立完成, FULL_COURSE 全过程管理.
create table training.trainee_case (
    id             uuid          primary key,
    file_id        uuid          not null references training.trainee_file (id),
    performed_on   date          not null,
    role           varchar(20)   not null check (role in ('PARTICIPATED', 'SUPERVISED', 'FULL_COURSE')),
    instructor_id  uuid          not null,
    instructor_name varchar(60)  not null,
    case_id        uuid,
    note           varchar(200),
    created_at     timestamptz   not null
);
create index trainee_case_file on training.trainee_case (file_id);

-- 考核: theory or skills, score 0–100 (pass mark 60).
create table training.trainee_exam (
    id          uuid          primary key,
    file_id     uuid          not null references training.trainee_file (id),
    kind        varchar(10)   not null check (kind in ('THEORY', 'SKILLS')),
    score       numeric(4, 1) not null check (score between 0 and 100),
    taken_on    date          not null,
    created_at  timestamptz   not null
);
create index trainee_exam_file on training.trainee_exam (file_id);

-- 境外培训: submitted by the trainee's hospital with the certificate; assessed (accepted / rejected) by an authority.
create table training.overseas_training (
    id                     uuid          primary key,
    person_id              uuid          not null,
    person_name            varchar(60)   not null,
    person_institution_id  uuid          not null,
    technology             varchar(10)   not null,
    host                   varchar(200)  not null,
    country                varchar(60)   not null,
    started_on             date          not null,
    ended_on               date          not null,
    certificate_name       varchar(200)  not null,
    certificate_type       varchar(100)  not null,
    certificate            bytea         not null check (octet_length(certificate) <= 10485760),
    status                 varchar(10)   not null check (status in ('SUBMITTED', 'ACCEPTED', 'REJECTED')),
    assessment             varchar(500),
    assessed_by            varchar(100),
    assessed_on            date,
    created_at             timestamptz   not null,
    check (ended_on >= started_on)
);
create index overseas_training_person on training.overseas_training (person_id);

-- 免于培训申请: evaluated against the spec's exemption clauses when requested (stored verdict), decided by an authority.
create table training.training_exemption (
    id                     uuid          primary key,
    person_id              uuid          not null,
    person_name            varchar(60)   not null,
    person_institution_id  uuid          not null,
    technology             varchar(10)   not null,
    spec_key               varchar(20)   not null,
    reason                 varchar(500)  not null,
    requested_on           date          not null,
    evaluation             jsonb         not null,
    evaluation_status      varchar(20)   not null,
    status                 varchar(10)   not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED')),
    decision_note          varchar(500),
    decided_by             varchar(100),
    decided_on             date,
    created_at             timestamptz   not null
);
create index training_exemption_person on training.training_exemption (person_id);

-- Bumped with every change that feeds TrainingRecordSource, per employing institution (eligibility cache key).
create table training.trainee_revision (
    institution_id  uuid    primary key,
    revision        bigint  not null
);
