-- Subscriptions: a customer's service. Customers, plans, pools, allocations, VLANs and NAS live in other
-- modules' schemas and are referred to by id (no foreign keys across modules).
create table subscriptions (
    id                 uuid        primary key,
    tenant_id          uuid        not null,
    customer_id        uuid        not null,
    plan_id            uuid        not null,
    access_type        text        not null check (access_type in ('PPPOE', 'IPOE', 'HOTSPOT', 'STATIC_IP')),
    username           text,
    password_sealed    text,
    mac_address        text,
    circuit_id         text,
    ipv4_mode          text        not null check (ipv4_mode in ('NONE', 'DYNAMIC', 'STATIC')),
    ipv4_pool_id       uuid,
    ipv4_allocation_id uuid,
    ipv4_address       text,
    ipv6_mode          text        not null check (ipv6_mode in ('NONE', 'DYNAMIC', 'STATIC')),
    ipv6_pool_id       uuid,
    ipv6_allocation_id uuid,
    ipv6_prefix        text,
    vlan_id            uuid,
    dedicated_vlan_id  uuid,       -- set while the subscription holds a dedicated VLAN
    nas_id             uuid,
    install_line1      text,
    install_line2      text,
    install_city       text,
    install_latitude   double precision,
    install_longitude  double precision,
    start_date         date        not null,
    status             text        not null check (status in ('PENDING', 'ACTIVE', 'SUSPENDED', 'TERMINATED')),
    status_reason      text,
    status_note        text,
    status_changed_at  timestamptz not null,
    activated_at       timestamptz,
    suspended_at       timestamptz,
    terminated_at      timestamptz,
    expires_on         date,
    pending_plan_id    uuid,
    pending_plan_from  date,
    notes              text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null default 0
);
-- Credentials and exclusive resources are unique among subscriptions that have not ended.
create unique index subscriptions_username_uq on subscriptions (tenant_id, lower(username))
    where username is not null and status <> 'TERMINATED';
create unique index subscriptions_mac_uq on subscriptions (tenant_id, mac_address)
    where mac_address is not null and status <> 'TERMINATED';
create unique index subscriptions_dedicated_vlan_uq on subscriptions (tenant_id, dedicated_vlan_id)
    where dedicated_vlan_id is not null and status <> 'TERMINATED';
-- RADIUS looks logins up among all subscriptions (an ended one is refused as such, not as unknown).
create index subscriptions_login_idx on subscriptions (tenant_id, lower(username)) where username is not null;
create index subscriptions_mac_idx on subscriptions (tenant_id, mac_address) where mac_address is not null;
create index subscriptions_customer_idx on subscriptions (tenant_id, customer_id);
create index subscriptions_status_idx on subscriptions (tenant_id, status);
create index subscriptions_plan_idx on subscriptions (tenant_id, plan_id);
create index subscriptions_nas_idx on subscriptions (tenant_id, nas_id);
create index subscriptions_vlan_idx on subscriptions (tenant_id, vlan_id);
create index subscriptions_pending_idx on subscriptions (pending_plan_from) where pending_plan_id is not null;
create index subscriptions_ipv4_idx on subscriptions (tenant_id, ipv4_address) where ipv4_address is not null;

-- The subscription's own log: every lifecycle step and plan change, with who and why.
create table subscription_changes (
    id              uuid        primary key,
    tenant_id       uuid        not null,
    subscription_id uuid        not null references subscriptions (id),
    occurred_at     timestamptz not null,
    kind            text        not null,
    from_status     text,
    to_status       text,
    reason          text,
    note            text,
    details         jsonb       not null default '{}'::jsonb,
    actor_name      text
);
create index subscription_changes_idx on subscription_changes (tenant_id, subscription_id, occurred_at desc);
