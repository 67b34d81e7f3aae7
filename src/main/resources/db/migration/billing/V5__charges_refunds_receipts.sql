-- One-time charges (setup fees, device sales, services, usage, discounts): pending until an invoice takes them,
-- either at once or in the next billing run. Never deleted: a pending charge can be cancelled.
create table charges (
    id              uuid          primary key,
    tenant_id       uuid          not null,
    account_id      uuid          not null references accounts (id),
    customer_id     uuid          not null,
    subscription_id uuid,
    kind            text          not null check (kind in ('SETUP_FEE', 'DEVICE', 'SERVICE', 'USAGE', 'DISCOUNT',
                                                           'OTHER')),
    description     text          not null,
    quantity        numeric(12,3) not null check (quantity > 0),
    unit_price      numeric(19,4) not null,
    amount          numeric(19,4) not null,
    tax_class       text          not null,
    charge_date     date          not null,
    invoice_id      uuid          references invoices (id),
    cancelled_at    timestamptz,
    created_at      timestamptz   not null,
    created_by      text,
    check ((kind = 'DISCOUNT') = (amount < 0))
);
create index charges_account_idx on charges (tenant_id, account_id, created_at desc);
create index charges_pending_idx on charges (tenant_id, charge_date) where invoice_id is null and cancelled_at is null;

-- Money paid back to a customer out of the account's credit, optionally against the payment it came from.
create table refunds (
    id          uuid          primary key,
    tenant_id   uuid          not null,
    account_id  uuid          not null references accounts (id),
    customer_id uuid          not null,
    payment_id  uuid          references payments (id),
    amount      numeric(19,4) not null check (amount > 0),
    method      text          not null check (method in ('CASH', 'BANK_TRANSFER', 'CHEQUE')),
    reference   text,
    reason      text          not null,
    refunded_at timestamptz   not null,
    recorded_by text
);
create index refunds_account_idx on refunds (tenant_id, account_id, refunded_at desc);
create index refunds_payment_idx on refunds (payment_id);

-- Receipts: every payment gets a gapless receipt number per tenant, like invoices.
alter table payments add column receipt_number text;
alter table payments add constraint payments_receipt_uq unique (tenant_id, receipt_number);
create table receipt_sequences (
    tenant_id uuid   primary key,
    next      bigint not null default 1,
    format    text   not null default 'RCP-{yyyy}-{seq:6}'
);

-- A plan's setup fee is charged once per subscription, when it is first activated.
create unique index charges_plan_setup_fee_uq on charges (subscription_id)
    where kind = 'SETUP_FEE' and created_by = 'plan setup fee';
