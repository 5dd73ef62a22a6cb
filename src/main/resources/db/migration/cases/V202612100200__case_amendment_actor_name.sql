-- The name of who amended a case, kept with the amendment (users may be renamed or removed later).
alter table cases.case_amendment add column amended_by_name varchar(100);
