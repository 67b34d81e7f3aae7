-- Idempotency keys of money-moving API requests (shared.web.idempotency): one row per tenant, principal (user or
-- API key) and key. A request claims its key by inserting the row; the answer is stored when it finishes (a 5xx
-- answer deletes the row so the key may be retried) and replayed to a repetition of the same request. Rows are
-- kept at least 24 hours, then purged by a scheduled job.
create table idempotency_keys (
    tenant_id        uuid        not null,
    principal_id     uuid        not null,
    idempotency_key  text        not null check (length(idempotency_key) between 1 and 255),
    request_method   text        not null,
    request_path     text        not null,
    fingerprint      bytea       not null,
    claim_token      uuid        not null,
    claimed_at       timestamptz not null,
    created_at       timestamptz not null,
    completed_at     timestamptz,
    response_status  int,
    response_headers jsonb,
    response_body    bytea,
    primary key (tenant_id, principal_id, idempotency_key),
    check ((completed_at is null) = (response_status is null))
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
