-- An account's tax profile: the customer's tax registration number (printed on invoices) and whether it is
-- exempt from the tenant's taxes (an exempt account pays the price less any tax included in it).
alter table accounts add column tax_exempt boolean not null default false;
alter table accounts add column tax_id text check (length(tax_id) between 1 and 40);

-- What the account's tax profile was when the invoice was made: printed on it, never changed afterwards.
alter table invoices add column customer_tax_id text;
alter table invoices add column tax_exempt boolean not null default false;
