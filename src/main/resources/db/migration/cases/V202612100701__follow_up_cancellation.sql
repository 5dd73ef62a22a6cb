-- Follow-ups (issue 8 item 4): a death recorded on the case or in a follow-up cancels the points due after it; they
-- stay listed as cancelled with the reason rather than disappearing.
alter table cases.follow_up add column cancelled_on date;
alter table cases.follow_up add column cancel_reason varchar(100);
alter table cases.follow_up add constraint follow_up_record_ck check (performed_on is null
    or (method is not null and vital_status is not null));
alter table cases.follow_up add constraint follow_up_death_ck check (death_date is null or vital_status = 'DEAD');
alter table cases.follow_up add constraint follow_up_dead_ck check (vital_status <> 'DEAD' or death_date is not null);
create index follow_up_institution_due_idx on cases.follow_up (institution_id, due_date);
