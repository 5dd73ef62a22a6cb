-- The filing module's SQL API for quality-control indicators (docs/indicators.md, ADR 0026): per filing the days it
-- was in force. A filing is in force from activatedOn (the approval day of a prior registration) until revokedOn;
-- a SUSPENDED filing is taken as not in force from activation on (the suspension day is not kept in a column:
-- an approximation stated in the indicator's notes). Filings never activated do not appear.
create view filing.indicator_filing as
select f.id as filing_id,
       f.institution_id,
       f.technology,
       f.state,
       coalesce((f.body ->> 'activatedOn')::date, f.approved_on) as active_from,
       (f.body ->> 'revokedOn')::date                            as active_until
from filing.filing f
where coalesce((f.body ->> 'activatedOn')::date, f.approved_on) is not null
  and f.state in ('ACTIVE', 'SUSPENDED', 'REVOKED');
