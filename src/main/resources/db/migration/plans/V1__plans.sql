-- Service plans. Speeds in kbit/s; bursts, fair-usage and time-of-day rules as JSON (validated by the
-- application); pools refer to network.ip_pools (another module's schema: no foreign key).
create table plans (
    id                 uuid          primary key,
    tenant_id          uuid          not null,
    code               text          not null,
    name               text          not null,
    description        text,
    billing_type       text          not null check (billing_type in ('MONTHLY_POSTPAID', 'PREPAID', 'DATA_PACK', 'HOTSPOT_VOUCHER')),
    price              numeric(16,4) not null check (price >= 0),
    currency           text          not null check (currency ~ '^[A-Z]{3}$'),
    tax_class          text          not null,
    setup_fee          numeric(16,4) not null default 0 check (setup_fee >= 0),
    validity_days      int,
    quota_mb           bigint,
    time_limit_minutes int,
    download_kbps      bigint        not null,
    upload_kbps        bigint        not null,
    download_burst     jsonb,
    upload_burst       jsonb,
    fup_rules          jsonb         not null default '[]',
    time_rules         jsonb         not null default '[]',
    simultaneous_use   int           not null default 1,
    idle_timeout       int,
    session_timeout    int,
    ipv4_pool_id       uuid,
    ipv6_pool_id       uuid,
    status             text          not null check (status in ('ACTIVE', 'ARCHIVED')),
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    version            bigint        not null default 0
);
create unique index plans_code_uq on plans (tenant_id, lower(code));
create index plans_tenant_status_idx on plans (tenant_id, status, lower(name));
