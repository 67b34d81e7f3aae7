-- Billing accounts: one per customer, created on first use with the tenant's defaults.
create table accounts (
    id              uuid        primary key,
    tenant_id       uuid        not null,
    customer_id     uuid        not null,
    currency        text        not null check (currency ~ '^[A-Z]{3}$'),
    payment_terms   int         not null default 7 check (payment_terms between 0 and 365),
    never_suspend   boolean     not null default false,
    promise_to_pay  date,
    created_at      timestamptz not null,
    unique (tenant_id, customer_id)
);

-- The ledger: debits (invoices, fees) positive, credits (payments, credit notes) negative. A balance is always
-- the sum of its entries; entries are never changed or deleted.
create table ledger_entries (
    id           uuid          primary key,
    tenant_id    uuid          not null,
    account_id   uuid          not null references accounts (id),
    occurred_at  timestamptz   not null,
    kind         text          not null check (kind in ('INVOICE', 'PAYMENT', 'CREDIT_NOTE', 'ADJUSTMENT', 'REFUND')),
    amount       numeric(19,4) not null,
    reference_id uuid,
    description  text          not null
);
create index ledger_entries_account_idx on ledger_entries (tenant_id, account_id, occurred_at);

-- Gapless numbering: one counter row per tenant, moved inside the issuing transaction.
create table invoice_sequences (
    tenant_id uuid   primary key,
    next      bigint not null default 1,
    format    text   not null default 'INV-{yyyy}-{seq:6}'
);

create table invoices (
    id             uuid          primary key,
    tenant_id      uuid          not null,
    account_id     uuid          not null references accounts (id),
    customer_id    uuid          not null,
    number         text,                                   -- given on issue, never before
    status         text          not null check (status in ('DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOID')),
    currency       text          not null,
    issued_on      date,
    due_on         date,
    period_start   date,
    period_end     date,
    net            numeric(19,4) not null,
    tax            numeric(19,4) not null,
    total          numeric(19,4) not null,
    paid           numeric(19,4) not null default 0,
    created_at     timestamptz   not null,
    voided_at      timestamptz,
    void_reason    text,
    unique (tenant_id, number)
);
create index invoices_account_idx on invoices (tenant_id, account_id, status);
create index invoices_tenant_idx on invoices (tenant_id, created_at desc);

create table invoice_lines (
    id              uuid          primary key,
    invoice_id      uuid          not null references invoices (id),
    position        int           not null,
    description     text          not null,
    subscription_id uuid,
    period_start    date,
    period_end      date,
    net             numeric(19,4) not null,
    tax             numeric(19,4) not null,
    total           numeric(19,4) not null
);
create index invoice_lines_invoice_idx on invoice_lines (invoice_id, position);

-- A subscription is billed once per period: the billing run claims (subscription, period) here first.
create table billed_periods (
    tenant_id       uuid not null,
    subscription_id uuid not null,
    period_start    date not null,
    invoice_id      uuid not null,
    primary key (subscription_id, period_start)
);

create table billing_runs (
    id          uuid        primary key,
    tenant_id   uuid        not null,
    run_date    date        not null,
    dry_run     boolean     not null,
    status      text        not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    total       int         not null default 0,
    done        int         not null default 0,
    invoiced    int         not null default 0,
    amount      numeric(19,4) not null default 0,
    started_at  timestamptz not null,
    finished_at timestamptz,
    error       text
);
create index billing_runs_tenant_idx on billing_runs (tenant_id, started_at desc);

create table payments (
    id          uuid          primary key,
    tenant_id   uuid          not null,
    account_id  uuid          not null references accounts (id),
    customer_id uuid          not null,
    method      text          not null check (method in ('CASH', 'BANK_TRANSFER', 'CHEQUE')),
    reference   text,
    amount      numeric(19,4) not null check (amount > 0),
    currency    text          not null,
    received_at timestamptz   not null,
    recorded_by text
);
create index payments_account_idx on payments (tenant_id, account_id, received_at desc);

create table payment_allocations (
    payment_id uuid          not null references payments (id),
    invoice_id uuid          not null references invoices (id),
    amount     numeric(19,4) not null check (amount > 0),
    primary key (payment_id, invoice_id)
);

-- Tax rates per tenant tax class (plans name a class; `standard` by default). No rows: no tax.
create table tax_rates (
    tenant_id uuid         not null,
    tax_class text         not null,
    name      text         not null,
    percent   numeric(7,4) not null check (percent >= 0 and percent <= 100),
    inclusive boolean      not null default false,
    primary key (tenant_id, tax_class, name)
);

-- One running run per tenant, across instances.
create unique index billing_runs_running_uq on billing_runs (tenant_id) where status = 'RUNNING';
