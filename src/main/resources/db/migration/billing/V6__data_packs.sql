-- Data packs: a quota valid for some days, bought for a subscription and used up by what RADIUS counts.
create table data_packs (
    id              uuid        primary key,
    tenant_id       uuid        not null,
    account_id      uuid        not null references accounts (id),
    customer_id     uuid        not null,
    subscription_id uuid        not null,
    plan_id         uuid        not null,
    name            text        not null,
    quota_bytes     bigint      not null check (quota_bytes > 0),
    used_bytes      bigint      not null default 0 check (used_bytes >= 0),
    counter_at      bigint      not null,  -- the subscription's usage counter when this pack last took its share
    valid_from      timestamptz not null,
    valid_until     timestamptz not null,
    status          text        not null check (status in ('ACTIVE', 'USED_UP', 'EXPIRED')),
    invoice_id      uuid        references invoices (id),
    created_at      timestamptz not null,
    created_by      text
);
create index data_packs_subscription_idx on data_packs (tenant_id, subscription_id, valid_from desc);
create index data_packs_active_idx on data_packs (tenant_id) where status = 'ACTIVE';
