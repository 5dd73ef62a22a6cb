-- The personnel module's SQL API for quality-control indicators (docs/indicators.md, ADR 0026): the names of people,
-- to label operator groups and drill-down rows, read-only.
create view personnel.indicator_person as
select p.id as person_id, p.institution_id, p.name
from personnel.person p;
