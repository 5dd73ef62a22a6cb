-- cases.indicator_case without its window function (issue 10, docs/benchmark.md "Indicator benchmark"). The view
-- numbered every submitted case's stay with row_number() over ALL submitted cases before any filter applied, so a
-- query for one hospital's quarter still sorted every case of the hospital (PostgreSQL pushes a condition below a
-- window only on the partition columns: not the operation or discharge date) and the view could never be flattened
-- into the query. stay_bed_days (bed days on the first case of a stay within its technology, null on the others) is
-- now decided per row by a correlated NOT EXISTS on an index of the stay's key: no other submitted case of the same
-- institution, technology, 住院号 (else 病案号) and discharge date comes before it in (operation date, id) order —
-- exactly the row that row_number() ... order by operation_date, id numbered 1 (a submitted case always has an
-- operation date, so no NULL ordering is involved). PostgreSQL evaluates it only where a query reads the column,
-- and pushes every institution, date and scope condition down to the table. Same columns, same types, same values.

create index case_report_stay_idx on cases.case_report
    (institution_id, technology, (coalesce(inpatient_no, medical_record_no)), discharge_date, operation_date, id)
    where status = 'SUBMITTED' and discharge_date is not null;

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
       case when c.discharge_date is not null and c.admission_date is not null
                 and not exists (
                     select 1 from cases.case_report o
                      where o.status = 'SUBMITTED' and o.discharge_date is not null
                        and o.institution_id = c.institution_id and o.technology = c.technology
                        and coalesce(o.inpatient_no, o.medical_record_no) = coalesce(c.inpatient_no, c.medical_record_no)
                        and o.discharge_date = c.discharge_date
                        and (o.operation_date, o.id) < (c.operation_date, c.id))
           then greatest(c.discharge_date - c.admission_date, 1) end as stay_bed_days,
       c.department,
       c.operator_id,
       c.discharge_status,
       c.death_date,
       c.form_data,
       c.complications
from cases.case_report c
where c.status = 'SUBMITTED';
