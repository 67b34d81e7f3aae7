-- Two-factor authentication: the TOTP secret is stored encrypted (SecretBox); a code's time step is never
-- accepted twice (totp_last_step). Recovery codes are stored as SHA-256 hashes and used once.
alter table users
    add column totp_secret           text,
    add column two_factor_enabled_at timestamptz,
    add column totp_last_step        bigint not null default 0;

create table recovery_codes (
    user_id   uuid        not null references users (id) on delete cascade,
    code_hash bytea       not null,
    created_at timestamptz not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);

alter table roles add column require_two_factor boolean not null default false;

-- The second step of a login: issued once the password is proven, spent by a correct code.
create table mfa_challenges (
    id         uuid        primary key,
    token_hash bytea       not null unique,
    tenant_id  uuid        not null,
    user_id    uuid        not null references users (id) on delete cascade,
    channel    text        not null check (channel in ('API', 'CONSOLE')),
    purpose    text        not null check (purpose in ('VERIFY', 'ENROL')),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    attempts   int         not null default 0,
    address    text        not null,
    user_agent text        not null
);
create index mfa_challenges_user_idx on mfa_challenges (tenant_id, user_id, created_at desc);

-- API keys for integrations: mk_live_<key_id><secret>; only a SHA-256 of the whole key is stored.
create table api_keys (
    id                    uuid        primary key,
    tenant_id             uuid        not null,
    name                  text        not null,
    key_id                text        not null unique,
    secret_hash           bytea       not null,
    scopes                text[]      not null,
    requests_per_minute   int,
    expires_at            timestamptz,
    created_by            uuid,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    revoked_at            timestamptz,
    last_used_at          timestamptz,
    last_used_address     text,
    version               bigint      not null default 0
);
create index api_keys_tenant_idx on api_keys (tenant_id, created_at desc);
