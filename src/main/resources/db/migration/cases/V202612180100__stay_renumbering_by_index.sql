-- The stay renumbering of V202612160100 without a cached plan (issue 8, docs/benchmark.md "Case import at a million
-- rows"). cases.renumber_stays joined the changed stays' keys to case_report in one statement whose PL/pgSQL plan
-- was cached on the connection when the table was small: a hash join over a sequential scan of every submitted case.
-- Inside a long import (one transaction, so no ANALYZE sees its rows) that plan read the whole registry once per
-- chunk of 500 — 128 ms a chunk at 280,000 rows, 82 % of the cases' COPY, and more with every chunk: an import of a
-- million rows slowed from ~3,000 to ~300 rows/s. Now each changed stay is looked up on its own through
-- case_report_stay_idx (a LATERAL probe with equality on the index's four leading columns), and the statement is
-- planned afresh at each call (EXECUTE), from the table's current size, never from a plan made for an earlier one.
-- Only the cases whose first_of_stay is wrong are updated, by id. Same locks, same order, same result.
create or replace function cases.renumber_stays(keys jsonb) returns void language plpgsql as $$
declare
    ids    uuid[];
    firsts boolean[];
begin
    if keys is null then
        return;
    end if;
    perform pg_advisory_xact_lock(hashtextextended('cases.stay|' || l.institution_id || '|' || l.technology, 0))
       from (select distinct e ->> 0 as institution_id, e ->> 1 as technology
               from jsonb_array_elements(keys) e order by 1, 2) l;
    execute $q$
        select array_agg(s.id), array_agg(s.first)
          from (select distinct (e ->> 0)::uuid as institution_id, e ->> 1 as technology, e ->> 2 as stay_no,
                                (e ->> 3)::date as discharge_date
                  from jsonb_array_elements($1) e) k
         cross join lateral (
                select c.id, c.first_of_stay,
                       row_number() over (order by c.operation_date, c.id) = 1 as first
                  from cases.case_report c
                 where c.institution_id = k.institution_id and c.technology = k.technology
                   and coalesce(c.inpatient_no, c.medical_record_no) = k.stay_no
                   and c.discharge_date = k.discharge_date
                   and c.status = 'SUBMITTED' and c.discharge_date is not null) s
         where s.first_of_stay is distinct from s.first$q$
       into ids, firsts using keys;
    if ids is not null then
        execute $q$
            update cases.case_report c
               set first_of_stay = f.first
              from unnest($1::uuid[], $2::boolean[]) f(id, first)
             where c.id = f.id$q$
          using ids, firsts;
    end if;
end
$$;
