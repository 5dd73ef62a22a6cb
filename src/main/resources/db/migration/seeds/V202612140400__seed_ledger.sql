-- 放射性粒子使用登记 (issue 11 item 4, docs/seed-ledger.md, ADR 0034): G07 三(五) purchase, storage, use and recovery
-- ledger that keeps every seed traceable; 三(六) the emergency plan for loss or leakage; 三(七) environmental
-- inspections, radiation-protection training and health examinations. Refers to institutions, people and cases by id.
create schema if not exists seeds;

-- Isotopes as data: the activity on any day is A0 · 2^(−Δt / T½) from the lot's calibration date.
create table seeds.isotope (
    code            varchar(10)   primary key check (code ~ '^[A-Z][a-z]?-[0-9]{1,3}$'),
    name            varchar(40)   not null,
    half_life_days  numeric(9, 4) not null check (half_life_days > 0),
    ordinal         int           not null
);

insert into seeds.isotope (code, name, half_life_days, ordinal) values
    ('I-125',  '碘-125',  59.4,   1),
    ('Pd-103', '钯-103',  16.99,  2),
    ('Cs-131', '铯-131',  9.69,   3),
    ('Au-198', '金-198',  2.695,  4),
    ('Ir-192', '铱-192',  73.83,  5);

-- One received lot (批) of seeds at one institution. The counts live in the movements only.
create table seeds.lot (
    id                uuid          primary key,
    institution_id    uuid          not null,
    isotope           varchar(10)   not null references seeds.isotope (code),
    supplier          varchar(100)  not null check (length(btrim(supplier)) > 0),
    nmpa_approval     varchar(60)   not null check (length(btrim(nmpa_approval)) > 0),
    lot_no            varchar(40)   not null check (length(btrim(lot_no)) > 0),
    activity_mci      numeric(8, 4) not null check (activity_mci > 0 and activity_mci <= 100),
    calibration_date  date          not null,
    received_on       date          not null,
    storage_location  varchar(100)  not null check (length(btrim(storage_location)) > 0),
    custodian_id      uuid          not null,
    custodian_name    varchar(60)   not null,
    created_at        timestamptz   not null,
    unique (institution_id, lot_no, isotope)
);

-- Every movement of seeds, append-only: a mistake is undone by a compensating entry (sign −1, corrects the id of the
-- entry it cancels), never by an update or delete (refused by the trigger below).
create table seeds.movement (
    id              uuid          primary key,
    seq             bigserial     not null unique,
    lot_id          uuid          not null references seeds.lot (id),
    institution_id  uuid          not null,
    kind            varchar(12)   not null check (kind in ('RECEIVED', 'ISSUED', 'IMPLANTED', 'RETURNED', 'LOST',
                                                           'LEAKED', 'DISPOSED')),
    quantity        int           not null check (quantity between 1 and 10000),
    sign            smallint      not null default 1 check (sign in (1, -1)),
    issue_id        uuid          references seeds.movement (id),
    case_id         uuid,
    corrects_id     uuid          unique references seeds.movement (id),
    note            varchar(500),
    actor_id        uuid,
    actor_name      varchar(100)  not null,
    occurred_at     timestamptz   not null,
    check ((sign = -1) = (corrects_id is not null)),
    check (kind not in ('IMPLANTED', 'RETURNED') or issue_id is not null),
    check (kind <> 'ISSUED' or issue_id = id or sign = -1)
);
create index movement_lot on seeds.movement (lot_id, seq);
create index movement_issue on seeds.movement (issue_id);
create index movement_institution on seeds.movement (institution_id, seq);

create function seeds.refuse_ledger_change() returns trigger language plpgsql as $$
begin
    raise exception '放射性粒子台账只可追加：请以冲正记录更正（%）', tg_table_name using errcode = 'P0001';
end
$$;
create trigger movement_append_only before update or delete on seeds.movement
    for each row execute function seeds.refuse_ledger_change();

-- Physical counts (盘点, at least every 6 months): counted against the ledger's store balance at that moment.
create table seeds.stock_count (
    id              uuid          primary key,
    lot_id          uuid          not null references seeds.lot (id),
    institution_id  uuid          not null,
    counted_on      date          not null,
    expected        int           not null check (expected >= 0),
    counted         int           not null check (counted between 0 and 10000),
    note            varchar(500),
    actor_id        uuid,
    actor_name      varchar(100)  not null,
    recorded_at     timestamptz   not null
);
create index stock_count_lot on seeds.stock_count (lot_id, recorded_at);
create trigger stock_count_append_only before update or delete on seeds.stock_count
    for each row execute function seeds.refuse_ledger_change();

-- The emergency plan (应急预案, G07 三(六)) as data: the steps every loss or leakage incident goes through.
create table seeds.emergency_step (
    code     varchar(20)   primary key,
    ordinal  int           not null unique,
    label    varchar(100)  not null,
    guidance varchar(500)  not null
);

insert into seeds.emergency_step (code, ordinal, label, guidance) values
    ('REPORT',  1, '立即报告', '立即报告科室负责人和本院放射防护管理部门；按规定向所在地生态环境、公安和卫生健康行政部门报告'),
    ('ISOLATE', 2, '隔离现场', '划定并隔离可能受污染的区域，控制人员出入，防止粒子被带离'),
    ('SEARCH',  3, '搜寻回收', '使用辐射探测仪搜寻遗落或丢失的粒子，用长柄镊子回收至铅屏蔽容器并登记'),
    ('MONITOR', 4, '监测去污', '对现场、相关人员和物品进行辐射监测，必要时去污，记录监测结果和受照剂量'),
    ('CLOSE',   5, '总结关闭', '形成事件调查报告，分析原因并落实整改后关闭事件');

create table seeds.incident (
    id              uuid          primary key,
    institution_id  uuid          not null,
    lot_id          uuid          not null references seeds.lot (id),
    movement_id     uuid          not null unique references seeds.movement (id),
    kind            varchar(12)   not null check (kind in ('LOST', 'LEAKED')),
    quantity        int           not null,
    opened_at       timestamptz   not null,
    closed_at       timestamptz
);
create index incident_institution on seeds.incident (institution_id, opened_at);

create table seeds.incident_step (
    incident_id  uuid          not null references seeds.incident (id),
    code         varchar(20)   not null references seeds.emergency_step (code),
    note         varchar(500),
    actor_id     uuid,
    actor_name   varchar(100)  not null,
    done_at      timestamptz   not null,
    primary key (incident_id, code)
);

-- Radiation-safety records (G07 三(七)): a person's radiation-protection training (放射防护培训) or occupational health
-- examination (职业健康检查), the institution's environmental inspection (生态环境部门环境检查); each with its next due date.
create table seeds.safety_record (
    id              uuid          primary key,
    institution_id  uuid          not null,
    kind            varchar(20)   not null check (kind in ('TRAINING', 'HEALTH_EXAM', 'ENV_INSPECTION')),
    person_id       uuid,
    person_name     varchar(60),
    done_on         date          not null,
    due_on          date          not null,
    reference       varchar(100),
    conclusion      varchar(200),
    actor_id        uuid,
    actor_name      varchar(100)  not null,
    recorded_at     timestamptz   not null,
    check ((kind = 'ENV_INSPECTION') = (person_id is null)),
    check (due_on > done_on)
);
create index safety_record_institution on seeds.safety_record (institution_id, kind, done_on);
