-- The regional expert pools (docs/experts.md). An expert is an identity.user_account with role EXPERT whose region_code
-- is its pool region; this table adds what assignment needs: specialties (catalogue technology codes, a JSON array),
-- employer (a platform institution by id, or free text for an employer outside the platform) and whether the expert
-- is active in the pool. Account and institution are referenced by id only (each module owns its schema).
create schema if not exists experts;

create table experts.expert (
    account_id              uuid primary key,
    specialties             jsonb        not null default '[]'::jsonb check (jsonb_typeof(specialties) = 'array'),
    employer_institution_id uuid,
    employer_name           varchar(200),
    active                  boolean      not null default true,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    version                 bigint       not null default 0,
    constraint expert_one_employer check (employer_institution_id is null or employer_name is null)
);

create index expert_employer_idx on experts.expert (employer_institution_id);
