-- The institution where a physician's licence is registered (执业注册机构) is a fact of its own, not the institution
-- whose staff list the person is on: a physician may work at one hospital and be registered at another (多点执业).
-- licence_registered_institution_id names an institution of the platform (by id only, no cross-schema foreign key);
-- licence_registered_institution holds the name of an institution outside the platform. Both null = not recorded.
alter table personnel.person
    add column licence_registered_institution_id uuid,
    add column licence_registered_institution    varchar(200);
