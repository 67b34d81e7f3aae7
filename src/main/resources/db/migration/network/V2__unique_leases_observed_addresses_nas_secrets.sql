-- Addresses a NAS reported in accounting that IPAM had not handed out are recorded as the subscription's leases
-- too, marked observed, so the allocator never hands them out (a subscriber may have several of those).
alter table ip_allocations add column observed boolean not null default false;

-- One dynamic lease per subscription and pool: concurrent Access-Requests of one subscriber share it. Leases
-- that broke this before are kept (they may be in use) but count as observed from now on.
update ip_allocations set observed = true
where id in (
    select id from (
        select id, row_number() over (partition by tenant_id, pool_id, holder_id order by allocated_at, id) as n
        from ip_allocations where holder_type = 'Lease'
    ) ranked
    where n > 1
);
create unique index ip_allocations_lease_uq on ip_allocations (tenant_id, pool_id, holder_id)
    where holder_type = 'Lease' and not observed;

-- A NAS reported a subscription using an address IPAM has allocated to another holder: shown on the pool's page
-- until that allocation is released or the reporting subscription's leases end.
create table ip_conflicts (
    tenant_id     uuid        not null,
    pool_id       uuid        not null references ip_pools (id) on delete cascade,
    address       text        not null,
    reported_for  uuid        not null, -- the subscription the NAS says uses the address
    allocation_id uuid        not null, -- the allocation IPAM has for it
    first_seen    timestamptz not null,
    last_seen     timestamptz not null,
    primary key (tenant_id, pool_id, address, reported_for)
);

-- RADIUS finds a NAS by source address and tells NAS that share one apart by which secret signed the packet, so
-- no two NAS of any tenants may have the same address and secret. The secret is compared through a keyed
-- fingerprint (HMAC under the application's key); NAS registered before this get theirs at start-up.
alter table nas add column secret_fingerprint text;
create unique index nas_address_secret_uq on nas (address, secret_fingerprint);
