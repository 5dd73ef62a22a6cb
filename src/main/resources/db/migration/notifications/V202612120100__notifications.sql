-- 站内消息: one row per message and recipient. recipient_id refers to identity.user_account and subject_id to the
-- object the message is about (a filing) by id only (modules own their schemas). event_key names the module event
-- that created the message, so that a re-delivered event creates no second message for the same user.
create schema if not exists notifications;

create table notifications.notification (
    id           uuid          primary key,
    recipient_id uuid          not null,
    kind         varchar(40)   not null,            -- e.g. FILING_SUBMITTED, FILING_APPROVED, EXPERT_ASSIGNED
    title        varchar(200)  not null,
    body         varchar(1000) not null,
    link         varchar(200),                      -- front-end path, e.g. /filings/{id}
    subject_type varchar(30),                       -- e.g. Filing
    subject_id   uuid,
    event_key    varchar(120)  not null,
    created_at   timestamptz   not null,
    read_at      timestamptz,
    unique (recipient_id, event_key)
);

create index notification_recipient_created on notifications.notification (recipient_id, created_at desc);
create index notification_recipient_unread on notifications.notification (recipient_id) where read_at is null;
