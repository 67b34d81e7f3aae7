-- Bytes that data packs paid for (the billing module reports them): fair use and overage leave them out.
alter table usage_daily add column covered_octets bigint not null default 0;

-- Subscriptions with an active data pack: fair-use limits do not apply to them until `until`.
create table top_ups (
    subscription_id uuid        primary key,
    tenant_id       uuid        not null,
    until           timestamptz not null
);
