-- Demo accounts (created by the demo module with the published demo password) are marked, so that the published
-- demo password stays refused for every other account and password expiry leaves the demo logins working.
-- Existing databases: an account that was created without a forced change and never changed its password can only
-- have been created as a demo account (every other creation forces the change, every reset sets
-- password_changed_at).
alter table identity.user_account add column demo_account boolean not null default false;

update identity.user_account set demo_account = true
 where must_change_password = false and password_changed_at is null;
