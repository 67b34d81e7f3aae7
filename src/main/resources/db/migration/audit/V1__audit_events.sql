-- The audit trail. Append-only: the triggers below refuse UPDATE, DELETE and TRUNCATE for every role that
-- does not disable them, so the application has no way to rewrite history.
create table audit_events (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null,
    tenant_id      uuid,
    actor_type     text        not null,
    actor_id       uuid,
    actor_name     text        not null,
    action         text        not null,
    target_type    text,
    target_id      text,
    details        jsonb       not null default '{}'::jsonb,
    operation      text,
    source_address text,
    user_agent     text
);
create index audit_events_tenant_time_idx on audit_events (tenant_id, occurred_at desc, id desc);
create index audit_events_tenant_target_idx on audit_events (tenant_id, target_type, target_id, occurred_at desc);
create index audit_events_tenant_actor_idx on audit_events (tenant_id, actor_id, occurred_at desc);
create index audit_events_tenant_action_idx on audit_events (tenant_id, action, occurred_at desc);

create function audit_events_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_events is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_events_no_update_or_delete
    before update or delete on audit_events
    for each row execute function audit_events_append_only();

create trigger audit_events_no_truncate
    before truncate on audit_events
    for each statement execute function audit_events_append_only();
