-- 监管预警 (docs/supervision.md, ADR 0028): one row per condition (alert_key), kept open while the daily job or a
-- refresh finds it, closed with the day when it no longer does, reopened (episode + 1) when it comes back.
-- institution_id refers to institutions.institution by id only; region_path is the institution's region and its
-- ancestors (RegionHierarchy.ancestry: a directly administered unit skips its nominal city), so an authority's
-- scope is one array test.
create schema if not exists supervision;

create table supervision.alert (
    id               uuid          primary key,
    alert_key        varchar(300)  not null unique,
    kind             varchar(30)   not null,
    severity         varchar(10)   not null,
    institution_id   uuid          not null,
    institution_name varchar(200)  not null,
    region_code      varchar(6)    not null,
    region_path      varchar(6)[]  not null,
    technology       varchar(10),
    technology_name  varchar(200),
    title            varchar(300)  not null,
    message          varchar(4000) not null,
    evidence         jsonb         not null,
    status           varchar(10)   not null check (status in ('OPEN', 'CLOSED')),
    episode          integer       not null,
    first_seen       date          not null,
    last_seen        date          not null,
    closed_on        date,
    updated_at       timestamptz   not null
);

create index alert_institution on supervision.alert (institution_id);
create index alert_region_path on supervision.alert using gin (region_path);
create index alert_kind_status on supervision.alert (kind, status);

-- The life of an alert: RAISED, UPDATED (severity or message changed), CLOSED, REOPENED by the job (actor 系统自动检查);
-- ACKNOWLEDGED by a user of one side (party INSTITUTION, or AUTHORITY:<region code> for an authority), once per side
-- and episode.
create table supervision.alert_event (
    id          bigserial     primary key,
    alert_id    uuid          not null references supervision.alert (id),
    episode     integer       not null,
    event       varchar(20)   not null,
    party       varchar(30),
    actor_id    uuid,
    actor_name  varchar(100)  not null,
    actor_role  varchar(30),
    note        varchar(1000),
    at          timestamptz   not null
);

create index alert_event_alert on supervision.alert_event (alert_id, id);
create unique index alert_event_one_acknowledgement on supervision.alert_event (alert_id, episode, party)
    where event = 'ACKNOWLEDGED';
