-- The cases module's SQL API for quality-control indicators (issue 10, docs/indicators.md, ADR 0026): read-only
-- views the indicators module compiles its queries against. They expose submitted cases only, with typed columns;
-- the tables behind them stay private to the cases module and may change as long as these views keep their shape.

-- One row per SUBMITTED case.
--   patient_key    the patient across cases: the keyed hash of the ID-card number, else the pseudonym
--   discharge_key  one hospital stay: institution + 住院号 (else 病案号) + discharge date; null without discharge date
--   bed_days       占用床日数 of the stay: discharge - admission, a same-day stay counts 1 day (病案统计口径)
--   stay_bed_days  bed_days on the first case of the stay within its technology, null on the others, so that
--                  summing it counts every stay once even when one stay has several cases of the technology
create view cases.indicator_case as
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
                 and row_number() over (partition by c.institution_id, c.technology,
                     coalesce(c.inpatient_no, c.medical_record_no), c.discharge_date
                     order by c.operation_date, c.id) = 1
           then greatest(c.discharge_date - c.admission_date, 1) end as stay_bed_days,
       c.department,
       c.operator_id,
       c.discharge_status,
       c.death_date,
       c.form_data,
       c.complications
from cases.case_report c
where c.status = 'SUBMITTED';

-- Follow-ups of submitted cases (cancelled ones included, with cancelled_on set).
create view cases.indicator_follow_up as
select f.case_id, f.period, f.due_date, f.performed_on, f.vital_status, f.death_date, f.disease_status, f.cancelled_on
from cases.follow_up f
join cases.case_report c on c.id = f.case_id and c.status = 'SUBMITTED';

-- Restricted procedures found in uploaded discharge abstracts (出院病案首页筛查), each with whether a submitted case
-- report matches it: same institution, technology and 病案号, operation date within 3 days of 手术日期 — the rule of
-- docs/discharge-scan.md (DischargeScan.WINDOW_DAYS), kept here so the scan and the indicator count alike.
create view cases.indicator_discharge_procedure as
select p.id                     as procedure_id,
       p.institution_id,
       p.technology,
       p.sub_technique,
       p.procedure_date,
       r.medical_record_no,
       r.department,
       r.operator_id,
       exists (select 1 from cases.case_report c
               where c.institution_id = p.institution_id and c.technology = p.technology
                 and c.medical_record_no = r.medical_record_no and c.status = 'SUBMITTED'
                 and c.operation_date between p.procedure_date - 3 and p.procedure_date + 3) as reported
from cases.discharge_procedure p
join cases.discharge_record r on r.id = p.record_id;
