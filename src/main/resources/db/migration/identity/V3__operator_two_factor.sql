-- Platform operators get TOTP two-factor authentication like staff: a sealed secret, each time step accepted once,
-- single-use recovery codes stored as SHA-256.
alter table operators
    add column totp_secret           text,
    add column two_factor_enabled_at timestamptz,
    add column totp_last_step        bigint not null default 0;

create table operator_recovery_codes (
    operator_id uuid        not null references operators (id) on delete cascade,
    code_hash   bytea       not null,
    created_at  timestamptz not null,
    used_at     timestamptz,
    primary key (operator_id, code_hash)
);

-- A login's second step is now also an operator's: then there is no tenant and user_id names the operator.
alter table mfa_challenges drop constraint mfa_challenges_user_id_fkey;
alter table mfa_challenges alter column tenant_id drop not null;
alter table mfa_challenges add column operator boolean not null default false;
alter table mfa_challenges add constraint mfa_challenges_operator_has_no_tenant
    check ((operator and tenant_id is null) or (not operator and tenant_id is not null));
