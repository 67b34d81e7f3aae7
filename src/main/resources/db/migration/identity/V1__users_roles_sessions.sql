-- Staff users of a tenant. Usernames are stored lowercased and are unique per tenant.
create table users (
    id                  uuid        primary key,
    tenant_id           uuid        not null,
    username            text        not null,
    email               text        not null,
    full_name           text        not null,
    phone               text,
    status              text        not null check (status in ('ACTIVE', 'DISABLED')),
    password_hash       text        not null,
    password_changed_at timestamptz not null,
    last_login_at       timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null default 0,
    constraint users_username_uq unique (tenant_id, username)
);
create index users_tenant_created_idx on users (tenant_id, created_at desc);

-- Built-in roles carry no stored permissions (they come from the modules); custom roles store theirs.
create table roles (
    id          uuid        primary key,
    tenant_id   uuid        not null,
    name        text        not null,
    description text,
    built_in    text        check (built_in in ('ADMIN', 'BILLING', 'SUPPORT', 'TECHNICIAN', 'CUSTOMER')),
    permissions text[]      not null default '{}',
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);
create unique index roles_name_uq on roles (tenant_id, lower(name));
create unique index roles_built_in_uq on roles (tenant_id, built_in) where built_in is not null;

create table user_roles (
    user_id uuid not null references users (id) on delete cascade,
    role_id uuid not null references roles (id),
    primary key (user_id, role_id)
);
create index user_roles_role_idx on user_roles (role_id);

-- Platform operators stand above all tenants.
create table operators (
    id            uuid        primary key,
    username      text        not null unique,
    email         text        not null,
    full_name     text        not null,
    status        text        not null check (status in ('ACTIVE', 'DISABLED')),
    password_hash text        not null,
    last_login_at timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0
);

-- A login session: a console cookie session or an API refresh-token family.
create table sessions (
    id             uuid        primary key,
    tenant_id      uuid,
    actor_type     text        not null,
    user_id        uuid        not null,
    channel        text        not null check (channel in ('API', 'CONSOLE')),
    created_at     timestamptz not null,
    last_used_at   timestamptz not null,
    expires_at     timestamptz not null,
    address        text        not null,
    user_agent     text        not null,
    revoked_at     timestamptz,
    revoked_reason text
);
create index sessions_user_idx on sessions (tenant_id, user_id, created_at desc);

-- Refresh tokens are stored as SHA-256 hashes; a used token stays, so its reuse can be detected.
create table refresh_tokens (
    token_hash bytea       primary key,
    session_id uuid        not null references sessions (id) on delete cascade,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index refresh_tokens_session_idx on refresh_tokens (session_id);
