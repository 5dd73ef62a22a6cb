-- Sub-techniques (forms) an institution performs, per technology code, e.g. {"S04": ["DEEP", "WHOLE_BODY"]}
-- (深部热疗 / 全身热疗): clauses for a form the institution does not perform do not apply to it. NULL = not recorded.
alter table institutions.institution add column sub_techniques jsonb;
