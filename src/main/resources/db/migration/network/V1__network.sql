-- IP address management: pools and what they have handed out. A pool hands out "units": single addresses, or
-- delegated IPv6 prefixes (/56, /64 ...). Units are numbered from the start of the prefix, so a /64 or a /48
-- works without materialising its addresses; only allocations are rows.
create table ip_pools (
    id                uuid          primary key,
    tenant_id         uuid          not null,
    name              text          not null,
    family            text          not null check (family in ('IPV4', 'IPV6')),
    prefix            text          not null,
    assignment_length int           not null,
    purpose           text          not null check (purpose in ('DYNAMIC', 'STATIC')),
    gateway           text,
    dns_servers       text[]        not null default '{}',
    excluded          text[]        not null default '{}',
    alert_threshold   int           not null default 90 check (alert_threshold between 1 and 100),
    description       text,
    -- Kept by the allocator under the pool's row lock (never written through JPA):
    allocated_count   bigint        not null default 0,
    next_unit         numeric(40,0) not null default 0, -- every usable unit below it is allocated
    alert_level       int           not null default 0,   -- 0 fine, 1 over the threshold, 2 exhausted
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null default 0
);
create unique index ip_pools_name_uq on ip_pools (tenant_id, lower(name));

create table ip_allocations (
    id           uuid          primary key,
    tenant_id    uuid          not null,
    pool_id      uuid          not null references ip_pools (id),
    unit         numeric(40,0) not null,
    address      text          not null,
    holder_type  text,
    holder_id    uuid,
    note         text,
    allocated_by text,
    allocated_at timestamptz   not null,
    constraint ip_allocations_unit_uq unique (pool_id, unit)
);
create index ip_allocations_address_idx on ip_allocations (tenant_id, address);
create index ip_allocations_holder_idx on ip_allocations (tenant_id, holder_type, holder_id);

-- VLANs: 802.1Q ids, or QinQ pairs (S-VLAN outer, C-VLAN inner), unique within their scope.
create table vlans (
    id          uuid        primary key,
    tenant_id   uuid        not null,
    scope_type  text        not null check (scope_type in ('AREA', 'OLT', 'SWITCH')),
    scope_name  text        not null,
    s_vlan      int         check (s_vlan between 1 and 4094),
    c_vlan      int         not null check (c_vlan between 1 and 4094),
    name        text        not null,
    mode        text        not null check (mode in ('DEDICATED', 'SHARED')),
    description text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);
create unique index vlans_scope_uq on vlans (tenant_id, scope_type, lower(scope_name), coalesce(s_vlan, 0), c_vlan);

-- NAS / routers. Secrets are sealed with the application's encryption key (AES-GCM), never stored in clear.
create table nas (
    id                  uuid        primary key,
    tenant_id           uuid        not null,
    name                text        not null,
    vendor              text        not null check (vendor in ('MIKROTIK', 'CISCO', 'JUNIPER', 'UBIQUITI', 'OTHER')),
    address             text        not null,
    secret_sealed       text        not null,
    coa_port            int         not null default 3799 check (coa_port between 1 and 65535),
    supports_coa        boolean     not null default true,
    location            text,
    latitude            double precision,
    longitude           double precision,
    api_port            int         check (api_port between 1 and 65535),
    api_tls             boolean     not null default true,
    api_username        text,
    api_password_sealed text,
    require_message_authenticator boolean not null default true,
    addressing          text        not null default 'RADIUS' check (addressing in ('RADIUS', 'NAS_POOL')),
    description         text,
    status              text        not null check (status in ('ACTIVE', 'DISABLED')),
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null default 0
);
create unique index nas_name_uq on nas (tenant_id, lower(name));
create unique index nas_address_uq on nas (tenant_id, address);
