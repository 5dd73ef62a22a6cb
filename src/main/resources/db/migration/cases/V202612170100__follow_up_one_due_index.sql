-- Follow-ups had two indexes on (institution_id, due_date): follow_up_due_idx, partial for the open points
-- (V202612100100), and follow_up_institution_due_idx over all points (V202612100701, for the done and cancelled
-- lists). Every list and count reads by institution and due date and filters the rest, which the full index serves;
-- the partial one only cost a fourth index entry per point written (an import writes five to seven points per case).
drop index if exists cases.follow_up_due_idx;
