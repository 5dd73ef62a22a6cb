-- One-time activation of accounts created without a usable password (a hospital administrator created on the
-- approval of a self-registration, accounts a hospital administrator creates or resets). Only the SHA-256 of the
-- token is stored; a token is single use and expires (rtms.identity.activation-validity). See docs/onboarding.md.
create table identity.activation_token (
    token_hash varchar(64) primary key,
    user_id    uuid        not null references identity.user_account (id),
    created_by uuid,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);

create index activation_token_user_idx on identity.activation_token (user_id);
