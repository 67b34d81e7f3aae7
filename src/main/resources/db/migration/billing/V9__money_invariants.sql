-- Rules money must never break, kept by the database as well as by the code (issue 13), so a forgotten code path
-- fails loudly instead of moving money twice.

-- An invoice is never paid below nothing or beyond its total (a draft for nothing or less has paid nothing).
alter table invoices add constraint invoices_paid_within_total check (paid >= 0 and (paid = 0 or paid <= total));

-- Child rows carry their tenant, like every tenant-owned row; backfilled from their parents.
alter table invoice_lines add column tenant_id uuid;
update invoice_lines l set tenant_id = i.tenant_id from invoices i where i.id = l.invoice_id;
alter table invoice_lines alter column tenant_id set not null;
drop index invoice_lines_invoice_idx;
create index invoice_lines_invoice_idx on invoice_lines (tenant_id, invoice_id, position);

alter table payment_allocations add column tenant_id uuid;
update payment_allocations a set tenant_id = p.tenant_id from payments p where p.id = a.payment_id;
alter table payment_allocations alter column tenant_id set not null;
create index payment_allocations_invoice_idx on payment_allocations (tenant_id, invoice_id);

-- A payment's allocations and refunds together never exceed it. Checked after every change, with the payment's row
-- locked first: under READ COMMITTED each statement of the function then reads what concurrent transactions
-- committed before the lock was granted, so two transactions cannot both pass on the same money.
create function payment_within_amount() returns trigger language plpgsql as $$
declare
    v_amount numeric;
    v_spent  numeric;
begin
    if new.payment_id is null then
        return null;
    end if;
    select p.amount into v_amount from billing.payments p where p.id = new.payment_id for update;
    select coalesce((select sum(a.amount) from billing.payment_allocations a where a.payment_id = new.payment_id), 0)
         + coalesce((select sum(r.amount) from billing.refunds r where r.payment_id = new.payment_id), 0)
      into v_spent;
    if v_spent > v_amount then
        raise exception 'payment % would be spent beyond its amount (% of %)', new.payment_id, v_spent, v_amount
            using errcode = 'check_violation', constraint = 'payment_within_amount';
    end if;
    return null;
end
$$;
create trigger payment_allocations_within_payment after insert or update on payment_allocations
    for each row execute function payment_within_amount();
create trigger refunds_within_payment after insert or update on refunds
    for each row execute function payment_within_amount();

-- The ledger is append-only: a correction is a new entry (a credit note, a refund), never an edit.
create function ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'billing.ledger_entries is append-only (% refused)', tg_op
        using errcode = 'restrict_violation';
end
$$;
create trigger ledger_entries_no_update before update or delete on ledger_entries
    for each row execute function ledger_append_only();
create trigger ledger_entries_no_truncate before truncate on ledger_entries
    for each statement execute function ledger_append_only();

-- An invoice and a payment are in their account's currency: the account's currency cannot change under them.
alter table accounts add constraint accounts_id_currency_uq unique (id, currency);
alter table invoices add constraint invoices_account_currency_fk
    foreign key (account_id, currency) references accounts (id, currency);
alter table payments add constraint payments_account_currency_fk
    foreign key (account_id, currency) references accounts (id, currency);

-- Billing claims are ranges of days: a subscription's days are claimed once per kind (postpaid runs, prepaid
-- charges), whatever periods the claims were cut into (a billing day changed between two runs). Existing claims
-- get the days of their invoice; where two overlapped, the later one keeps only the days after the earlier one.
create schema if not exists extensions;
create extension if not exists btree_gist with schema extensions;

alter table billed_periods add column kind text not null default 'POSTPAID' check (kind in ('POSTPAID', 'PREPAID'));
alter table billed_periods add column days daterange;
update billed_periods b set kind = 'PREPAID'
where exists (select 1 from invoice_lines l where l.invoice_id = b.invoice_id and l.description like '% (prepaid)');
with ends as (
    select b.subscription_id, b.period_start,
           coalesce(i.period_end, (b.period_start + interval '1 month')::date) as period_end,
           b.kind
    from billed_periods b left join invoices i on i.id = b.invoice_id
), clipped as (
    select subscription_id, period_start, period_end,
           greatest(period_start, max(period_end) over (partition by subscription_id, kind order by period_start
                                                        rows between unbounded preceding and 1 preceding)) as first_day
    from ends
)
update billed_periods b
set days = case when c.first_day is null then daterange(c.period_start, greatest(c.period_start, c.period_end))
                when c.first_day >= c.period_end then 'empty'::daterange
                else daterange(c.first_day, c.period_end) end
from clipped c
where c.subscription_id = b.subscription_id and c.period_start = b.period_start;
alter table billed_periods alter column days set not null;
alter table billed_periods alter column kind drop default;

do $$
declare
    gist text;
begin
    select n.nspname into gist from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'btree_gist';
    execute format('alter table billing.billed_periods add constraint billed_periods_no_overlap exclude using gist'
                   || ' (tenant_id %1$I.gist_uuid_ops with =, subscription_id %1$I.gist_uuid_ops with =,'
                   || ' kind %1$I.gist_text_ops with =, days with &&)', gist);
end
$$;
