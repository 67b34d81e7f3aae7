-- The RADIUS look-up cache asks every few seconds which subscriptions changed (on any instance) since it last asked.
create index subscriptions_updated_idx on subscriptions (updated_at);
-- A billing run reads the tenant's status and plan changes since the period it bills began.
create index subscription_changes_since_idx on subscription_changes (tenant_id, occurred_at);
