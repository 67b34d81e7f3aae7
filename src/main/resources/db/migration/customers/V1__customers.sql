-- Trigram search. The extensions go into schema "extensions" unless the database already has them elsewhere;
-- the application looks up where pg_trgm lives at start-up.
create schema if not exists extensions;
create extension if not exists pg_trgm with schema extensions;
create extension if not exists btree_gin with schema extensions;

-- Per-tenant customer settings: the account number format and its sequence.
create table settings (
    tenant_id             uuid        primary key,
    account_number_format text        not null,
    next_account_number   bigint      not null,
    updated_at            timestamptz not null
);

create table customers (
    id                   uuid        primary key,
    tenant_id            uuid        not null,
    account_number       text        not null,
    type                 text        not null check (type in ('INDIVIDUAL', 'BUSINESS')),
    first_name           text,
    last_name            text,
    company_name         text,
    display_name         text        not null,
    phones               text[]      not null default '{}',
    emails               text[]      not null default '{}',
    national_id          text,
    tax_id               text,
    status               text        not null check (status in ('LEAD', 'ACTIVE', 'SUSPENDED', 'FORMER')),
    area                 text,
    tags                 text[]      not null default '{}',
    notes                text,
    custom_fields        jsonb       not null default '{}'::jsonb,
    install_line1        text,
    install_line2        text,
    install_city         text,
    install_region       text,
    install_postal_code  text,
    install_country      text,
    install_latitude     double precision,
    install_longitude    double precision,
    billing_same         boolean     not null default true,
    billing_line1        text,
    billing_line2        text,
    billing_city         text,
    billing_region       text,
    billing_postal_code  text,
    billing_country      text,
    billing_latitude     double precision,
    billing_longitude    double precision,
    search_text          text        not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint      not null default 0,
    constraint customers_account_number_uq unique (tenant_id, account_number),
    constraint customers_install_pin check ((install_latitude is null) = (install_longitude is null))
);
create index customers_tenant_created_idx on customers (tenant_id, created_at desc);
create index customers_tenant_name_idx on customers (tenant_id, lower(display_name));
create index customers_tenant_status_idx on customers (tenant_id, status);
create index customers_tenant_area_idx on customers (tenant_id, area);

do $$
declare
    trgm text;
    gin text;
begin
    select n.nspname into trgm from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
    select n.nspname into gin from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'btree_gin';
    execute format('create index customers_search_idx on customers using gin (tenant_id %I.uuid_ops, search_text %I.gin_trgm_ops)', gin, trgm);
    execute format('create index customers_tags_idx on customers using gin (tenant_id %I.uuid_ops, tags)', gin);
end
$$;

-- Fields a tenant adds to its customer profiles.
create table custom_fields (
    id         uuid        primary key,
    tenant_id  uuid        not null,
    key        text        not null,
    label      text        not null,
    type       text        not null check (type in ('TEXT', 'NUMBER', 'DATE', 'CHOICE')),
    required   boolean     not null,
    choices    text[]      not null default '{}',
    position   int         not null,
    active     boolean     not null default true,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0,
    constraint custom_fields_key_uq unique (tenant_id, key)
);

-- The kinds of identity document a tenant collects.
create table document_types (
    id         uuid        primary key,
    tenant_id  uuid        not null,
    code       text        not null,
    name       text        not null,
    active     boolean     not null default true,
    position   int         not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0,
    constraint document_types_code_uq unique (tenant_id, code)
);

-- KYC documents; the files themselves live in FileStorage.
create table documents (
    id                uuid        primary key,
    tenant_id         uuid        not null,
    customer_id       uuid        not null references customers (id),
    type_code         text        not null,
    file_name         text        not null,
    content_type      text        not null,
    size_bytes        bigint      not null,
    sha256            text        not null,
    storage_key       text        not null,
    status            text        not null check (status in ('PENDING', 'VERIFIED', 'REJECTED')),
    uploaded_by       text        not null,
    uploaded_at       timestamptz not null,
    reviewed_by       text,
    reviewed_at       timestamptz,
    review_reason     text,
    removed_by        text,
    removed_at        timestamptz,
    removal_reason    text,
    updated_at        timestamptz not null,
    version           bigint      not null default 0
);
create index documents_customer_idx on documents (tenant_id, customer_id, uploaded_at desc);
create index documents_pending_idx on documents (tenant_id, status, uploaded_at) where removed_at is null;

-- The service-history timeline: everything that happened to a customer, from any module.
create table history (
    id             uuid        primary key,
    tenant_id      uuid        not null,
    customer_id    uuid        not null,
    occurred_at    timestamptz not null,
    kind           text        not null,
    title          text        not null,
    details        jsonb       not null default '{}'::jsonb,
    actor_name     text,
    reference_type text,
    reference_id   text
);
create index history_customer_idx on history (tenant_id, customer_id, occurred_at desc);

-- CSV imports and their progress.
create table imports (
    id              uuid        primary key,
    tenant_id       uuid        not null,
    file_name       text        not null,
    storage_key     text        not null,
    status          text        not null check (status in ('UPLOADED', 'RUNNING', 'COMPLETED', 'FAILED')),
    columns         text[]      not null,
    mapping         jsonb,
    total_rows      int         not null default 0,
    processed_rows  int         not null default 0,
    created_count   int         not null default 0,
    updated_count   int         not null default 0,
    unchanged_count int         not null default 0,
    rejected_count  int         not null default 0,
    rejected_key    text,
    error           text,
    created_by      text        not null,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    updated_at      timestamptz not null,
    version         bigint      not null default 0
);
create index imports_tenant_idx on imports (tenant_id, created_at desc);
