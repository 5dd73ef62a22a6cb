-- Case volumes derived from the registry (issue 8 item 3, ADR 0019).
-- Reporting view: submitted cases per institution, technology, sub-technique (null = all) and month. The cases
-- module's SQL API for volumes; cn.rtms.cases.volumes.RegistryCaseHistory reads it.
create view cases.monthly_case_volume as
select institution_id, technology, null::varchar(20) as sub_technique,
       extract(year from operation_date)::int as year, extract(month from operation_date)::int as month,
       count(*)::int as cases, min(operation_date) as first_case, max(operation_date) as last_case
from cases.case_report
where status = 'SUBMITTED'
group by institution_id, technology, extract(year from operation_date), extract(month from operation_date)
union all
select institution_id, technology, sub_technique,
       extract(year from operation_date)::int, extract(month from operation_date)::int,
       count(*)::int, min(operation_date), max(operation_date)
from cases.case_report
where status = 'SUBMITTED' and sub_technique is not null
group by institution_id, technology, sub_technique, extract(year from operation_date),
         extract(month from operation_date);

-- A revision per institution, bumped in the same transaction as any submitted case of it is inserted, changed or
-- deleted (one statement-level trigger per operation, so a batch import bumps once per institution and statement).
-- Eligibility caches computed matrices by it (cn.rtms.rules.MatrixCache). Drafts do not count.
create table cases.registry_revision (
    institution_id uuid   primary key,
    revision       bigint not null
);

create function cases.bump_registry_revision() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        insert into cases.registry_revision as r (institution_id, revision)
        select distinct institution_id, 1 from old_rows where status = 'SUBMITTED'
        order by 1
        on conflict (institution_id) do update set revision = r.revision + 1;
    else
        insert into cases.registry_revision as r (institution_id, revision)
        select distinct institution_id, 1 from new_rows where status = 'SUBMITTED'
        order by 1
        on conflict (institution_id) do update set revision = r.revision + 1;
    end if;
    return null;
end
$$;

create trigger case_report_revision_ins after insert on cases.case_report
    referencing new table as new_rows for each statement execute function cases.bump_registry_revision();
create trigger case_report_revision_upd after update on cases.case_report
    referencing new table as new_rows for each statement execute function cases.bump_registry_revision();
create trigger case_report_revision_del after delete on cases.case_report
    referencing old table as old_rows for each statement execute function cases.bump_registry_revision();
