-- Read-only views of the case registry for the capability assessment (能力评估, module assessment, docs/assessment.md):
-- the cases module's SQL API for what the indicator views do not carry (flags set on submit, amendments, the source
-- of the record, the follow-up labels). Only submitted cases; the assessment module reads these views and nothing else
-- of the cases schema.
create or replace view cases.assessment_case as
select c.id,
       c.institution_id,
       c.institution_region_code,
       c.technology,
       c.form_key,
       c.medical_record_no,
       c.patient_pseudonym,
       c.operation_date,
       c.admission_date,
       c.discharge_date,
       c.operator_id,
       c.informed_consent,
       c.discharge_status,
       c.death_date,
       c.complications,
       c.form_data,
       c.flags,
       c.source,
       (select count(*) from cases.case_amendment a where a.case_id = c.id) as amendment_count
from cases.case_report c
where c.status = 'SUBMITTED';

create or replace view cases.assessment_follow_up as
select f.case_id,
       f.label,
       f.period,
       f.due_date,
       f.performed_on,
       f.vital_status,
       f.death_date,
       f.cancelled_on
from cases.follow_up f
join cases.case_report c on c.id = f.case_id and c.status = 'SUBMITTED';
