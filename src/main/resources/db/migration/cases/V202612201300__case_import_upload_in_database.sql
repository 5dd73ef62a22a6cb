-- Case imports on several nodes (docs/case-import.md, "Several nodes"):
-- * node: the application_name of the node that took the upload (DatabaseApplicationName: "rtms <pid>-<random>").
--   An import QUEUED or RUNNING whose node has no connection left is abandoned (marked FAILED) by any node, instead of
--   every starting node failing every other node's running imports.
-- * case_import_upload: the uploaded file of an import that found problems, kept for its annotated copy in parts of
--   at most 1 MiB, each AES-256-GCM encrypted with the patient-data key (the file holds names, ID numbers and phone
--   numbers) and bound to its import and part number. Any node serves the copy; the parts are deleted when
--   upload_kept_until has passed (rtms.cases.import.keep-upload). Before, the file stayed in clear on the local disk
--   of the node that ran the import, for ever, and another node answered "no copy".
alter table cases.case_import
    add column node              varchar(63),
    add column upload_kept_until timestamptz;

create table cases.case_import_upload (
    import_id uuid    not null references cases.case_import (id) on delete cascade,
    part      integer not null check (part >= 0),
    content   bytea   not null,
    primary key (import_id, part)
);
