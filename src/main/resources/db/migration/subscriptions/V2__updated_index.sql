-- The RADIUS look-up cache asks every few seconds which subscriptions changed (on any instance) since it last asked.
create index subscriptions_updated_idx on subscriptions (updated_at);
