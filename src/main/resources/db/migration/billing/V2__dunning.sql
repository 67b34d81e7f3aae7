-- The dunning ladder: steps relative to an invoice's due date. A tenant without rows gets the default ladder
-- (-3 reminder, +1 reminder, +7 suspend, +30 terminate).
create table dunning_steps (
    tenant_id uuid not null,
    days      int  not null check (days between -60 and 365),
    action    text not null check (action in ('REMINDER', 'SUSPEND', 'TERMINATE')),
    primary key (tenant_id, days)
);

-- Each step is taken once per invoice.
create table dunning_log (
    tenant_id   uuid        not null,
    invoice_id  uuid        not null references invoices (id),
    days        int         not null,
    action      text        not null,
    occurred_at timestamptz not null,
    outcome     text,
    primary key (invoice_id, days)
);
