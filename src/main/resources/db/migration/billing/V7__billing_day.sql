-- An account billed on an anniversary day (1-28) instead of by calendar month; null: calendar month.
alter table accounts add column billing_day int check (billing_day between 1 and 28);
