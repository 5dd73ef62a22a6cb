-- 培训基地申请与备案 (issue 11 item 1, docs/training.md "Training bases", ADR 0033): the application's frozen verdict,
-- the decision, the designation, the revocation and an open revocation proposal on the base row; the expert
-- assignments with their opinions; and every step (who, when, from, to, note) — the audit trail records the same.
alter table training.training_base
    add column institution_name    varchar(100),
    add column region_code         varchar(6),
    add column submitted_on        date,
    add column verdict             jsonb,
    add column verdict_status      varchar(20),
    add column unmet_clauses       jsonb        not null default '[]'::jsonb,
    add column designated          boolean      not null default false,
    add column decision_reason     varchar(1000),
    add column decided_on          date,
    add column revocation_reason   varchar(1000),
    add column proposal_reason     varchar(2000),
    add column proposal_on         date,
    add column created_by          uuid;

create table training.training_base_expert (
    base_id         uuid          not null references training.training_base (id),
    expert_id       uuid          not null,
    expert_name     varchar(100)  not null,
    recommendation  varchar(20)   check (recommendation in ('FILE', 'RETURN', 'REJECT')),
    opinion         varchar(2000),
    opinion_at      timestamptz,
    assigned_at     timestamptz   not null,
    primary key (base_id, expert_id),
    check ((recommendation is null) = (opinion is null))
);

create table training.training_base_step (
    id           bigserial     primary key,
    base_id      uuid          not null references training.training_base (id),
    action       varchar(40)   not null,
    from_status  varchar(20),
    to_status    varchar(20)   not null,
    actor_id     uuid,
    actor_name   varchar(100)  not null,
    actor_role   varchar(40),
    note         varchar(2000),
    at           timestamptz   not null
);

create index training_base_step_base on training.training_base_step (base_id, id);
create index training_base_status on training.training_base (status);
