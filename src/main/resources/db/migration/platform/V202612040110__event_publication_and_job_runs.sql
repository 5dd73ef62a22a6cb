-- Infrastructure shared by all nodes on one PostgreSQL (docs/adr/0011-sessions-locks-and-events-in-the-database.md).
create schema if not exists platform;

-- Spring Modulith's JDBC event publication registry (schema version 2 of spring-modulith-events-jdbc 2.1,
-- spring.modulith.events.jdbc.schema=platform): one row per event and transactional listener, written in the
-- publisher's transaction; deleted when the listener completes (spring.modulith.events.completion-mode=delete),
-- so a row left here is an event whose listener failed or whose node stopped, re-delivered at the next start.
create table platform.event_publication (
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index event_publication_serialized_event_hash_idx on platform.event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on platform.event_publication (completion_date);

-- Runs of once-a-day jobs (ClusterJobs.oncePerDay): inserted in the job's transaction while it holds a
-- PostgreSQL advisory lock, so a day's run happens on one node only and a failed run (rolled back) is retried.
create table platform.job_run (
    job         varchar(100)             not null,
    run_day     date                     not null,
    node        varchar(200)             not null,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone,
    primary key (job, run_day)
);
