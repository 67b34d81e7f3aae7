package io.moonknight.billing.internal;

import io.moonknight.customers.CustomerDirectory;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An account's ledger in the bound tenant: its entries with a running balance. */
@Service
public class Ledger {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final CustomerDirectory customers;

    Ledger(JdbcClient jdbc, Accounts accounts, CustomerDirectory customers) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.customers = customers;
    }

    @Transactional
    public BillingViews.Ledger ledger(UUID customerId) {
        var _ = customers.find(customerId).orElseThrow(() -> ProblemException.notFound("Customer", customerId));
        Accounts.Account account = accounts.of(customerId);
        BigDecimal[] running = {BigDecimal.ZERO};
        List<BillingViews.LedgerEntry> entries = jdbc.sql("""
            select * from billing.ledger_entries where tenant_id = :t and account_id = :a order by occurred_at, id
            """)
                .param("t", TenantContext.require())
                .param("a", account.id())
                .query((row, i) -> {
                    running[0] = running[0].add(row.getBigDecimal("amount"));
                    return new BillingViews.LedgerEntry(
                            row.getObject("id", UUID.class),
                            row.getTimestamp("occurred_at").toInstant(),
                            row.getString("kind"),
                            row.getBigDecimal("amount"),
                            running[0],
                            row.getString("description"),
                            row.getObject("reference_id", UUID.class));
                })
                .list();
        return new BillingViews.Ledger(
                customerId, account.currency().getCurrencyCode(), accounts.balance(account.id()), entries);
    }
}
