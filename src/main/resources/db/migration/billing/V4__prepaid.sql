-- Prepaid services renew from the account's credit when this is on.
alter table accounts add column auto_renew boolean not null default true;
