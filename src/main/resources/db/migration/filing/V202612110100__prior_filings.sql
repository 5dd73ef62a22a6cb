-- Prior filings (存量备案): filings approved on paper before the platform existed, registered by the authority with
-- their original approval date and document number. The aggregate keeps the approval in body -> 'prior'; these
-- columns are what lists and reports select on. Every filing stored before this migration went through the workflow.
alter table filing.filing
    add column origin      varchar(30)  not null default 'WORKFLOW'
        constraint filing_origin_check check (origin in ('WORKFLOW', 'PRIOR_REGISTRATION')),
    add column document_no varchar(100),
    add column approved_on date,
    add constraint filing_prior_check check (
        (origin = 'WORKFLOW' and document_no is null and approved_on is null)
        or (origin = 'PRIOR_REGISTRATION' and document_no is not null and approved_on is not null));

create index filing_prior_document_idx on filing.filing (document_no) where origin = 'PRIOR_REGISTRATION';
