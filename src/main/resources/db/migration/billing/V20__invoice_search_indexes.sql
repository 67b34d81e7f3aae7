-- The invoice list's filters (InvoiceSearch): each leads with tenant_id and ends with the list's order, so a page
-- of a filtered list is read from the index. V20 leaves V9-V19 to the billing rebuild's own migrations.
create index invoices_status_idx on invoices (tenant_id, status, created_at desc);
create index invoices_customer_idx on invoices (tenant_id, customer_id, created_at desc);
create index invoices_issued_on_idx on invoices (tenant_id, issued_on);
create index invoices_overdue_idx on invoices (tenant_id, due_on) where status in ('ISSUED', 'PARTIALLY_PAID');
create index invoices_number_search_idx on invoices (tenant_id, upper(number) text_pattern_ops);
