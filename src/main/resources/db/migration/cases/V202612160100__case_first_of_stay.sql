-- The first case of a stay, kept on the row (issue 10, docs/benchmark.md "Indicator benchmark"). The indicator view's
-- stay_bed_days (bed days on the first case of a stay within its technology, null on the others) was decided per row
-- by a correlated NOT EXISTS probe on case_report_stay_idx: one index probe per discharged case wherever a query
-- reads the column (the whole province's average length of stay: a million probes, ~14 µs each). The answer is now
-- stored as first_of_stay and kept right by a statement-level trigger: after any insert, update or delete of case
-- reports, the stays the changed rows belonged to (before and after the change) are renumbered among their submitted
-- cases in (operation date, id) order — exactly the row the NOT EXISTS probe picked. The trigger takes a
-- transaction-level advisory lock per institution and technology first (in a fixed order), so that two transactions
-- adding cases to one stay cannot both mark theirs first; each then renumbers with a snapshot that includes what the
-- other committed. first_of_stay is meaningful on submitted, discharged cases only (the view reads no other).

-- true by default: most stays have one case, so a new case is already right and the trigger writes no second row
-- version for it; only the later cases of a stay are set to false.
alter table cases.case_report add column first_of_stay boolean not null default true;

update cases.case_report c
   set first_of_stay = false
  from (select id,
               row_number() over (partition by institution_id, technology,
                                  coalesce(inpatient_no, medical_record_no), discharge_date
                                  order by operation_date, id) = 1 as first
          from cases.case_report
         where status = 'SUBMITTED' and discharge_date is not null) r
 where c.id = r.id and not r.first;

create function cases.renumber_stays(keys jsonb) returns void language plpgsql as $$
begin
    if keys is null then
        return;
    end if;
    perform pg_advisory_xact_lock(hashtextextended('cases.stay|' || l.institution_id || '|' || l.technology, 0))
       from (select distinct e ->> 0 as institution_id, e ->> 1 as technology
               from jsonb_array_elements(keys) e order by 1, 2) l;
    with k as (
        select distinct (e ->> 0)::uuid as institution_id, e ->> 1 as technology, e ->> 2 as stay_no,
                        (e ->> 3)::date as discharge_date
          from jsonb_array_elements(keys) e),
    ranked as (
        select c.id,
               row_number() over (partition by c.institution_id, c.technology,
                                  coalesce(c.inpatient_no, c.medical_record_no), c.discharge_date
                                  order by c.operation_date, c.id) = 1 as first
          from cases.case_report c
          join k on c.institution_id = k.institution_id and c.technology = k.technology
                and coalesce(c.inpatient_no, c.medical_record_no) = k.stay_no and c.discharge_date = k.discharge_date
         where c.status = 'SUBMITTED' and c.discharge_date is not null)
    update cases.case_report c
       set first_of_stay = r.first
      from ranked r
     where c.id = r.id and c.first_of_stay is distinct from r.first;
end
$$;

create function cases.mark_stay_firsts() returns trigger language plpgsql as $$
declare
    keys jsonb;
begin
    -- the renumbering's own update fires this trigger again: nothing to do there
    if pg_trigger_depth() > 1 then
        return null;
    end if;
    if tg_op = 'INSERT' then
        select jsonb_agg(distinct jsonb_build_array(institution_id, technology,
                                                    coalesce(inpatient_no, medical_record_no), discharge_date))
          into keys from new_rows where discharge_date is not null;
    elsif tg_op = 'DELETE' then
        select jsonb_agg(distinct jsonb_build_array(institution_id, technology,
                                                    coalesce(inpatient_no, medical_record_no), discharge_date))
          into keys from old_rows where discharge_date is not null;
    else
        select jsonb_agg(distinct jsonb_build_array(institution_id, technology,
                                                    coalesce(inpatient_no, medical_record_no), discharge_date))
          into keys
          from (select institution_id, technology, inpatient_no, medical_record_no, discharge_date from new_rows
                union all
                select institution_id, technology, inpatient_no, medical_record_no, discharge_date from old_rows) r
         where discharge_date is not null;
    end if;
    perform cases.renumber_stays(keys);
    return null;
end
$$;

create trigger case_report_stay_ins after insert on cases.case_report
    referencing new table as new_rows for each statement execute function cases.mark_stay_firsts();
create trigger case_report_stay_upd after update on cases.case_report
    referencing old table as old_rows new table as new_rows for each statement execute function cases.mark_stay_firsts();
create trigger case_report_stay_del after delete on cases.case_report
    referencing old table as old_rows for each statement execute function cases.mark_stay_firsts();

create or replace view cases.indicator_case as
select c.id                                                   as case_id,
       c.institution_id,
       c.institution_region_code,
       c.technology,
       c.form_key,
       c.sub_technique,
       c.medical_record_no,
       c.patient_pseudonym,
       coalesce(c.patient_id_no_hash, c.patient_pseudonym)    as patient_key,
       case when c.discharge_date is not null then
           c.institution_id::text || '|' || coalesce(c.inpatient_no, c.medical_record_no) || '|'
               || to_char(c.discharge_date, 'YYYYMMDD') end   as discharge_key,
       c.admission_date,
       c.operation_date,
       c.discharge_date,
       case when c.discharge_date is not null and c.admission_date is not null
           then greatest(c.discharge_date - c.admission_date, 1) end as bed_days,
       case when c.discharge_date is not null and c.admission_date is not null and c.first_of_stay
           then greatest(c.discharge_date - c.admission_date, 1) end as stay_bed_days,
       c.department,
       c.operator_id,
       c.discharge_status,
       c.death_date,
       c.form_data,
       c.complications
from cases.case_report c
where c.status = 'SUBMITTED';
