package io.moonknight.billing.internal;

import io.moonknight.shared.web.ProblemException;
import io.moonknight.tenancy.CurrencyChangeGuard;
import java.util.Currency;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rule for a tenant's currency: it can change until money has moved for the tenant (an invoice, draft or not,
 * a payment, a refund or a one-time charge exists); billing accounts with nothing on them then move to the new
 * currency. After that it is fixed: every amount of the ledger is in it, and plan prices carry no currency of
 * their own. The database backs this up: invoices and payments reference their account's currency, so an
 * account's currency cannot change under them.
 */
@Component
class CurrencyLock implements CurrencyChangeGuard {

    private final JdbcClient jdbc;

    CurrencyLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void currencyChanging(UUID tenantId, Currency from, Currency to) {
        boolean moved = jdbc.sql("""
            select exists (select 1 from billing.invoices where tenant_id = :t)
                or exists (select 1 from billing.payments where tenant_id = :t)
                or exists (select 1 from billing.refunds where tenant_id = :t)
                or exists (select 1 from billing.charges where tenant_id = :t)
            """).param("t", tenantId).query(Boolean.class).single();
        if (moved) {
            throw inUse(from);
        }
        try {
            jdbc.sql("update billing.accounts set currency = :to where tenant_id = :t and currency <> :to")
                    .param("t", tenantId)
                    .param("to", to.getCurrencyCode())
                    .update();
        } catch (DataIntegrityViolationException movedMeanwhile) {
            throw inUse(from);
        }
    }

    private static ProblemException inUse(Currency from) {
        return ProblemException.conflict(
                        "currency-in-use",
                        "Money has already moved in " + from.getCurrencyCode()
                                + "; the currency can no longer change (invoices, payments and the ledger are in it)")
                .with("field", "currency");
    }
}
