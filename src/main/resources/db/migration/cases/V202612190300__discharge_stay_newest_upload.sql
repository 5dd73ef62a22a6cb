-- A stay exported again (a corrected 病案首页: 术者 filled in, a code or 离院方式 fixed) counts once in the discharge scan
-- and in the indicators (docs/discharge-scan.md "Stays", ADR 0017). Until now every row whose content differed was
-- a record of its own, so the re-export of a stay was a second restricted procedure and the stale record stayed in
-- 术者无法识别 for good.
--
-- A stay is (institution, 病案号 without leading zeros, 入院日期); 住院号 tells two stays apart only when both records
-- have one. Of a stay, the scan and the indicators read the records of the newest upload that has it (the batch's
-- uploaded_at, then its id); the records of older uploads stay stored as they were imported (nothing is updated or
-- deleted: the audit trail of every upload stays whole, and importing the same file or the same rows again still
-- stores nothing). Rows of one stay within one upload are all kept, as before (an export may list a stay's
-- operations on several rows).
--
-- 病案号 are compared without leading zeros, here and against case reports: an .xlsx column formatted as number
-- turns 0086501 into 86501 (the reader warns about it in the batch summary).

create index discharge_record_stay_idx
    on cases.discharge_record (institution_id, ltrim(medical_record_no, '0'), admission_date);

-- The discharge records the scan reads: of each stay, those of its newest upload.
create view cases.discharge_current_record as
select r.*
from cases.discharge_record r
join cases.discharge_batch b on b.id = r.batch_id
where not exists (
    select 1
    from cases.discharge_record n
    join cases.discharge_batch nb on nb.id = n.batch_id
    where n.institution_id = r.institution_id
      and ltrim(n.medical_record_no, '0') = ltrim(r.medical_record_no, '0')
      and n.admission_date = r.admission_date
      and (n.inpatient_no is null or r.inpatient_no is null
           or ltrim(n.inpatient_no, '0') = ltrim(r.inpatient_no, '0'))
      and (nb.uploaded_at, nb.id) > (b.uploaded_at, b.id));

-- The indicators' view of V202612130100 with the same two rules as the scan (DischargeStore.procedures): current
-- records only, 病案号 matched without leading zeros. Same columns.
create or replace view cases.indicator_discharge_procedure as
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
                 and ltrim(c.medical_record_no, '0') = ltrim(r.medical_record_no, '0') and c.status = 'SUBMITTED'
                 and c.operation_date between p.procedure_date - 3 and p.procedure_date + 3) as reported
from cases.discharge_procedure p
join cases.discharge_current_record r on r.id = p.record_id;
