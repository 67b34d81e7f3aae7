-- The ISPs this deployment serves. Not tenant-owned itself: the platform operator manages it.
create table tenants (
    id               uuid        primary key,
    slug             text        not null,
    name             text        not null,
    status           text        not null check (status in ('ACTIVE', 'SUSPENDED')),
    suspended_reason text,
    suspended_at     timestamptz,
    timezone         text        not null,
    currency         text        not null check (currency ~ '^[A-Z]{3}$'),
    locale           text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0,
    constraint tenants_slug_uq unique (slug),
    constraint tenants_slug_format check (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$')
);
create index tenants_created_idx on tenants (created_at desc);
