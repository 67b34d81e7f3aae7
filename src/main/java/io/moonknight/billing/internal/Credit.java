package io.moonknight.billing.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Spends an account's unallocated payments on its open invoices, oldest first. */
@Component
class Credit {

    private final JdbcClient jdbc;

    Credit(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    void apply(UUID accountId) {
        var free = jdbc
                .sql("""
                    select p.id, p.amount - coalesce((select sum(a.amount) from billing.payment_allocations a
                                                      where a.payment_id = p.id), 0)
                                          - coalesce((select sum(r.amount) from billing.refunds r
                                                      where r.payment_id = p.id), 0) as free
                    from billing.payments p where p.account_id = :a order by p.received_at, p.id for update
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
                jdbc.sql("""
                    insert into billing.payment_allocations (payment_id, invoice_id, amount) values (:p, :i, :a)
                    on conflict (payment_id, invoice_id) do update
                        set amount = billing.payment_allocations.amount + excluded.amount
                    """)
                        .param("p", free.get(p).getKey())
                        .param("i", invoice.getKey())
                        .param("a", share)
                        .update();
                jdbc.sql("""
                    update billing.invoices set paid = paid + :a,
                        status = case when paid + :a >= total then 'PAID' else 'PARTIALLY_PAID' end where id = :i
                    """).param("a", share).param("i", invoice.getKey()).update();
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
