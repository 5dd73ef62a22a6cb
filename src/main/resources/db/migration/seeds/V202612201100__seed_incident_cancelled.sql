-- A loss or leakage entered by mistake and cancelled by its correction (冲正) closes its incident as cancelled, with
-- the correction's reason, instead of leaving it open until every emergency step is ticked.
alter table seeds.incident add column cancelled_reason varchar(520);
