-- The filing module's SQL API for quality-control indicators, continued (docs/indicators.md): each time a filing was
-- suspended (中止), from the SUSPEND and RESUME steps kept in its body, exactly as Filing#suspensions reads them: the
-- suspension day is not in force, the resume day is again; suspended_until is null while the suspension lasts.
-- Replaces the approximation "a SUSPENDED filing is not in force from activation on", which counted a filing
-- suspended and later resumed as in force throughout and one suspended today as never in force.
create view filing.indicator_filing_suspension as
with step as (
    select f.id                                                     as filing_id,
           s.ord,
           s.step ->> 'action'                                      as action,
           ((s.step ->> 'at')::timestamptz at time zone 'Asia/Shanghai')::date as day
    from filing.filing f
             cross join lateral jsonb_array_elements(coalesce(f.body -> 'steps', '[]'::jsonb))
        with ordinality as s(step, ord)
    where s.step ->> 'action' in ('SUSPEND', 'RESUME')
)
select suspend.filing_id,
       suspend.day as suspended_from,
       (select resume.day
        from step resume
        where resume.filing_id = suspend.filing_id
          and resume.action = 'RESUME'
          and resume.ord > suspend.ord
        order by resume.ord
        limit 1)   as suspended_until
from step suspend
where suspend.action = 'SUSPEND';
