-- G08 case forms: the field ptaPercent was labelled 完全消融率（PTA） and filled after the 1-month contrast imaging.
-- The regulation's PTA (G08-2023 一（七）注1(1)) is 凝血酶原活动度, a PRE-OPERATIVE coagulation value; the field now
-- means that (label 凝血酶原活动度（PTA）, required on submit). Values entered under the old label are ablation
-- percentages, not prothrombin activity: read as PTA they would count every such case as meeting indication
-- criterion (1). They are moved out of the case data into this table (kept, not lost) and the field is left empty,
-- so an amendment asks for the real value. See docs/adr/0027-complication-types-and-pta.md.
create table cases.legacy_ablation_percent (
    case_id     uuid          primary key references cases.case_report (id) on delete cascade,
    value       jsonb         not null,   -- the former form_data.ptaPercent (完全消融率 as entered)
    moved_at    timestamptz   not null default now()
);

insert into cases.legacy_ablation_percent (case_id, value)
select id, form_data -> 'ptaPercent'
  from cases.case_report
 where technology = 'G08' and form_data ? 'ptaPercent';

update cases.case_report
   set form_data = form_data - 'ptaPercent'
 where technology = 'G08' and form_data ? 'ptaPercent';
