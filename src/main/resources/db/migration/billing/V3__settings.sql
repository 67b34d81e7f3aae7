-- A tenant's billing settings; no row: the defaults.
create table settings (
    tenant_id            uuid    primary key,
    payment_terms        int     not null default 7 check (payment_terms between 0 and 365),
    bill_while_suspended boolean not null default true
);
