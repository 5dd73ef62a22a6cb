-- 培训基地 (issue 11, docs/training.md): one row per institution × technology application. The training-base helper
-- extends this table (application data, review, decision) in later migrations; the trainee file refers to a base by
-- id and asks TrainingBaseDirectory whether it was filed for its technology on a given day.
create schema if not exists training;

create table training.training_base (
    id              uuid         primary key,
    institution_id  uuid         not null,
    technology      varchar(10)  not null,
    status          varchar(20)  not null check (status in ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED',
                                                             'FILED', 'REJECTED', 'REVOKED', 'WITHDRAWN')),
    filed_on        date,
    revoked_on      date,
    version         bigint       not null default 0,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    check (revoked_on is null or (filed_on is not null and revoked_on >= filed_on))
);

-- At most one live application or filed base per institution and technology.
create unique index training_base_live on training.training_base (institution_id, technology)
    where status not in ('REJECTED', 'REVOKED', 'WITHDRAWN');

-- 指导医师: people of the platform (personnel.person by id), per base.
create table training.training_base_instructor (
    base_id    uuid  not null references training.training_base (id),
    person_id  uuid  not null,
    since      date  not null,
    until      date,
    primary key (base_id, person_id, since),
    check (until is null or until >= since)
);
