-- Live sessions: one row per session the NAS reported started and not yet stopped. Kept small and hot; closed
-- sessions move to session_history.
create table sessions (
    id                 uuid        primary key,
    tenant_id          uuid        not null,
    nas_id             uuid        not null,
    subscription_id    uuid        not null,
    customer_id        uuid        not null,
    plan_id            uuid        not null,
    username           text,
    acct_session_id    text        not null,
    framed_ip          text,
    calling_station_id text,
    nas_port           text,
    started_at         timestamptz not null,
    updated_at         timestamptz not null,
    interim_interval   int         not null,
    input_octets       bigint      not null default 0,   -- from the subscriber, Gigawords included
    output_octets      bigint      not null default 0,   -- to the subscriber
    session_time       bigint      not null default 0,
    action             text,                              -- last CoA / Disconnect sent: kind and result
    action_result      text,
    action_at          timestamptz,
    unique (nas_id, acct_session_id)
);
create index sessions_tenant_idx on sessions (tenant_id, started_at desc);
create index sessions_subscription_idx on sessions (subscription_id);
create index sessions_updated_idx on sessions (updated_at);

create table session_history (
    id                 uuid        primary key,
    tenant_id          uuid        not null,
    nas_id             uuid        not null,
    subscription_id    uuid        not null,
    customer_id        uuid        not null,
    plan_id            uuid        not null,
    username           text,
    acct_session_id    text        not null,
    framed_ip          text,
    calling_station_id text,
    started_at         timestamptz not null,
    stopped_at         timestamptz not null,
    input_octets       bigint      not null,
    output_octets      bigint      not null,
    session_time       bigint      not null,
    terminate_cause    text
);
create index session_history_subscription_idx on session_history (tenant_id, subscription_id, stopped_at desc);

-- Usage per subscription and day (the tenant's date), what fair use and billing count.
create table usage_daily (
    tenant_id       uuid   not null,
    subscription_id uuid   not null,
    day             date   not null,
    input_octets    bigint not null default 0,
    output_octets   bigint not null default 0,
    primary key (subscription_id, day)
);
create index usage_daily_tenant_idx on usage_daily (tenant_id, day);
