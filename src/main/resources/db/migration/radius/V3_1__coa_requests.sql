-- Disconnect / CoA requests waiting to reach the NAS (an outbox). Written in the transaction that suspends,
-- terminates or changes the plan of a subscription, so a crash cannot lose them; sent by CoaRequests (at once after
-- the commit, and by a scheduled, locked worker), retried with backoff until every live session of the subscription
-- is done or the attempts run out.
create table coa_requests (
    id              uuid        primary key,
    tenant_id       uuid        not null,
    subscription_id uuid        not null,
    kind            text        not null check (kind in ('DISCONNECT', 'RATE')),
    reason          text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DONE', 'FAILED', 'CANCELLED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    created_at      timestamptz not null,
    finished_at     timestamptz,
    last_result     text
);
create index coa_requests_due_idx on coa_requests (next_attempt_at) where status = 'PENDING';
create index coa_requests_subscription_idx on coa_requests (tenant_id, subscription_id, created_at desc);
