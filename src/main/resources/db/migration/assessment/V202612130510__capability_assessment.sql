-- Capability assessments (能力评估, docs/assessment.md, ADR 0030): one row per saved assessment of a hospital or of a
-- physician at a hospital for one technology and period. The report column is the snapshot of every figure as
-- computed when the hospital saved it, so later cases or amendments do not change a signed assessment. Rows are never
-- updated; a new assessment of the same subject and period is a new row.
-- institution_id, physician_id, filing_id and submitted_by refer to other modules' records by id only.
create schema if not exists assessment;

create table assessment.capability_assessment (
    id                      uuid          primary key,
    institution_id          uuid          not null,
    institution_region_code varchar(6)    not null,
    physician_id            uuid,
    technology              varchar(10)   not null,
    filing_id               uuid,
    period_from             date          not null,
    period_to               date          not null,
    conclusion              varchar(20)   not null check (conclusion in ('QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED')),
    conclusion_text         varchar(2000) not null,
    assessor                varchar(40)   not null,
    department_head         varchar(40)   not null,
    medical_affairs_head    varchar(40)   not null,
    signed_on               date          not null,
    report                  jsonb         not null,
    submitted_by            uuid          not null,
    submitted_by_name       varchar(100)  not null,
    submitted_at            timestamptz   not null,
    constraint capability_assessment_period_ck check (period_from <= period_to)
);

create index capability_assessment_institution_idx on assessment.capability_assessment
    (institution_id, technology, period_to desc);
create index capability_assessment_filing_idx on assessment.capability_assessment (filing_id);
create index capability_assessment_physician_idx on assessment.capability_assessment (physician_id);
