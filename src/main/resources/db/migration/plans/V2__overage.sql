-- Monthly plans may include a data allowance (quota_mb) per billing period and charge each GB beyond it.
alter table plans add column overage_price numeric(16,4) check (overage_price > 0);
