-- Billing split its money permissions out of billing:write: payments:record (take money), payments:refund (give it
-- back), invoices:void and billing:tax-exempt. A custom role or an API key that held billing:write could do all of
-- these before, so it gains them now; built-in roles store no permissions (theirs come from the modules).
update roles
set permissions = (
    select array_agg(distinct p order by p)
    from unnest(permissions || array['payments:record', 'payments:refund', 'invoices:void', 'billing:tax-exempt']) p)
where built_in is null and 'billing:write' = any (permissions);

update api_keys
set scopes = (
    select array_agg(distinct s order by s)
    from unnest(scopes || array['payments:record', 'payments:refund', 'invoices:void', 'billing:tax-exempt']) s)
where 'billing:write' = any (scopes);
