package io.moonknight.billing.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Spends an account's unallocated payments on its open invoices, oldest first, and is the one path by which money
 * of a payment reaches an invoice ({@link #allocate}).
 */
@Component
class Credit {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final java.time.Clock clock;

    Credit(
            JdbcClient jdbc,
            Accounts accounts,
            org.springframework.context.ApplicationEventPublisher events,
            java.time.Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Puts {@code amount} of a payment on an invoice, in the caller's transaction, which holds the account's lock.
     * The database refuses an allocation beyond the payment less its refunds and a paid amount beyond the total.
     */
    void allocate(UUID paymentId, UUID invoiceId, BigDecimal amount) {
        jdbc.sql("""
            insert into billing.payment_allocations (tenant_id, payment_id, invoice_id, amount)
            values (:t, :p, :i, :a)
            on conflict (payment_id, invoice_id) do update
                set amount = billing.payment_allocations.amount + excluded.amount
            """)
                .param("t", io.moonknight.shared.tenant.TenantContext.require())
                .param("p", paymentId)
                .param("i", invoiceId)
                .param("a", amount)
                .update();
        record Paid(UUID tenant, UUID customer, String number, BigDecimal total, String currency, String status) {}
        Paid paid = jdbc.sql("""
            update billing.invoices set paid = paid + :a,
                status = case when paid + :a >= total then 'PAID' else 'PARTIALLY_PAID' end
            where id = :i and status in ('ISSUED', 'PARTIALLY_PAID')
            returning tenant_id, customer_id, number, total, currency, status
            """)
                .param("a", amount)
                .param("i", invoiceId)
                .query((row, i) -> new Paid(
                        row.getObject("tenant_id", UUID.class),
                        row.getObject("customer_id", UUID.class),
                        row.getString("number"),
                        row.getBigDecimal("total"),
                        row.getString("currency"),
                        row.getString("status")))
                .optional()
                .orElseThrow(() -> new IllegalStateException(
                        "Invoice " + invoiceId + " is not open: nothing can be allocated to it"));
        if (paid.status().equals("PAID")) {
            events.publishEvent(new io.moonknight.billing.InvoicePaid(
                    paid.tenant(),
                    paid.customer(),
                    invoiceId,
                    paid.number(),
                    paid.total(),
                    paid.currency(),
                    clock.instant()));
        }
    }

    /** Spends unallocated payments on open invoices for those of these accounts that have any (a run's batch). */
    void applyWhereFree(java.util.Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
            select distinct p.account_id from billing.payments p
            where p.account_id = any(cast(:accounts as uuid[]))
              and p.amount > coalesce((select sum(a.amount) from billing.payment_allocations a
                                       where a.payment_id = p.id), 0)
                           + coalesce((select sum(r.amount) from billing.refunds r where r.payment_id = p.id), 0)
            """)
                .param("accounts", io.moonknight.shared.db.SqlArrays.literal(accountIds))
                .query((row, i) -> row.getObject("account_id", UUID.class))
                .list()
                .forEach(this::apply);
    }

    /**
     * Spends the account's unspent payments on its open invoices. Takes the account's lock first and only then sums
     * what each payment has left: a sum read inside a {@code FOR UPDATE} statement would be the one from before the
     * wait, and two applications (or an application and a refund) would spend the same money twice.
     */
    void apply(UUID accountId) {
        accounts.lock(accountId);
        var free = jdbc
                .sql("""
                    select p.id, p.amount - coalesce((select sum(a.amount) from billing.payment_allocations a
                                                      where a.payment_id = p.id), 0)
                                          - coalesce((select sum(r.amount) from billing.refunds r
                                                      where r.payment_id = p.id), 0) as free
                    from billing.payments p where p.account_id = :a order by p.received_at, p.id
                    """)
                .param("a", accountId)
                .query((row, i) -> Map.entry(row.getObject("id", UUID.class), row.getBigDecimal("free")))
                .list()
                .stream()
                .filter(e -> e.getValue().signum() > 0)
                .toList();
        var open = jdbc.sql("""
            select id, total - paid as open from billing.invoices
            where account_id = :a and status in ('ISSUED', 'PARTIALLY_PAID') order by issued_on, number for update
            """)
                .param("a", accountId)
                .query((row, i) -> Map.entry(row.getObject("id", UUID.class), row.getBigDecimal("open")))
                .list();
        int p = 0;
        BigDecimal left = free.isEmpty() ? BigDecimal.ZERO : free.getFirst().getValue();
        for (var invoice : open) {
            BigDecimal due = invoice.getValue();
            while (due.signum() > 0 && p < free.size()) {
                BigDecimal share = left.min(due);
                allocate(free.get(p).getKey(), invoice.getKey(), share);
                due = due.subtract(share);
                left = left.subtract(share);
                if (left.signum() <= 0) {
                    p++;
                    left = p < free.size() ? free.get(p).getValue() : BigDecimal.ZERO;
                }
            }
        }
    }
}
