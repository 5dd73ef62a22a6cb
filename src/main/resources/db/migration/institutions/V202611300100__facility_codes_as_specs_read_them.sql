-- The specs read PACS, EMERGENCY_KIT and LAMINAR_AIRFLOW (空气层流设施) as facilities, but the institution form
-- offered PACS and EMERGENCY_KIT as equipment, and S03 named the laminar-flow facility LAMINAR_FLOW. Records entered
-- through the form are moved to the facility list so that the clauses that need them see them.
update institutions.institution i
set facilities = coalesce(i.facilities, '[]'::jsonb)
        || (select jsonb_agg(jsonb_strip_nulls(jsonb_build_object('kind', e ->> 'kind', 'count', e -> 'count')))
            from jsonb_array_elements(i.equipment) e
            where e ->> 'kind' in ('PACS', 'EMERGENCY_KIT', 'LAMINAR_AIRFLOW')),
    equipment = (select coalesce(jsonb_agg(e), '[]'::jsonb)
                 from jsonb_array_elements(i.equipment) e
                 where e ->> 'kind' not in ('PACS', 'EMERGENCY_KIT', 'LAMINAR_AIRFLOW'))
where jsonb_typeof(i.equipment) = 'array'
  and exists (select 1 from jsonb_array_elements(i.equipment) e
              where e ->> 'kind' in ('PACS', 'EMERGENCY_KIT', 'LAMINAR_AIRFLOW'));

update institutions.institution i
set facilities = (select jsonb_agg(case when f ->> 'kind' = 'LAMINAR_FLOW'
                                        then jsonb_set(f, '{kind}', '"LAMINAR_AIRFLOW"') else f end)
                  from jsonb_array_elements(i.facilities) f)
where jsonb_typeof(i.facilities) = 'array'
  and exists (select 1 from jsonb_array_elements(i.facilities) f where f ->> 'kind' = 'LAMINAR_FLOW');
