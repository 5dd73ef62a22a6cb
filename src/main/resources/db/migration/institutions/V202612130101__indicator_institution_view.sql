-- The institutions module's SQL API for quality-control indicators (docs/indicators.md, ADR 0026): name and region
-- of every institution, read-only.
create view institutions.indicator_institution as
select i.id as institution_id, i.name, i.region_code
from institutions.institution i;

-- Region names, for groupings by county and city.
create view institutions.indicator_region as
select r.code, r.name, r.level, r.parent_code
from institutions.region r;
