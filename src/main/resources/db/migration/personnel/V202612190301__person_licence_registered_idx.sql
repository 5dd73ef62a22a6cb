-- The discharge scan resolves a 术者 among the people whose licence is registered at the institution as well as its
-- staff (PersonnelManagement#registeredAt, docs/discharge-scan.md): looked up per institution and report.
create index person_licence_registered_idx on personnel.person (licence_registered_institution_id);
