-- 统一社会信用代码 (GB 32100): the institution's national identifier, the key of the bulk load (issue 12 item 4,
-- ADR 0037) and of self-registration. Nullable: institutions created before it have none until one is recorded.
-- Written with IF NOT EXISTS because the self-registration work of the same issue needs the same column.
alter table institutions.institution add column if not exists credit_code varchar(18);
create unique index if not exists institution_credit_code_uq on institutions.institution (credit_code)
    where credit_code is not null;
