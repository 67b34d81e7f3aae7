package io.moonknight.billing.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.customers.CustomerDirectory;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's billing account as staff see and set it: payment terms, auto-renew for prepaid services, the
 * "never suspend" exclusion, a promise-to-pay date that holds dunning's suspend and terminate steps back, and the
 * billing cycle (calendar month, or the month from a billing day), and the tax profile (the customer's tax
 * registration number, printed on invoices, and a tax exemption, which needs that number).
 */
@Service
public class BillingAccounts {

    public record Account(
            UUID customerId,
            String currency,
            int paymentTermsDays,
            boolean autoRenew,
            boolean neverSuspend,
            @Nullable LocalDate promiseToPay,
            @Nullable Integer billingDay,
            boolean taxExempt,
            @Nullable String taxId,
            BigDecimal balance) {}

    /** {@code billingDay} 1–28 bills the month from that day (anniversary); null bills by calendar month. */
    public record Change(
            int paymentTermsDays,
            boolean autoRenew,
            boolean neverSuspend,
            @Nullable LocalDate promiseToPay,
            @Nullable Integer billingDay,
            boolean taxExempt,
            @Nullable String taxId) {

        /** The same settings with another promise to pay. */
        public Change promising(@Nullable LocalDate date) {
            return new Change(paymentTermsDays, autoRenew, neverSuspend, date, billingDay, taxExempt, taxId);
        }
    }

    private static final java.util.regex.Pattern TAX_ID =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}");

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final CustomerDirectory customers;
    private final AuditTrail audit;
    private final Clock clock;

    BillingAccounts(JdbcClient jdbc, Accounts accounts, CustomerDirectory customers, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Account get(UUID customerId) {
        var _ = customers.find(customerId).orElseThrow(() -> ProblemException.notFound("Customer", customerId));
        Accounts.Account account = accounts.of(customerId);
        return jdbc.sql("select * from billing.accounts where id = :id")
                .param("id", account.id())
                .query((row, i) -> new Account(
                        customerId,
                        row.getString("currency"),
                        row.getInt("payment_terms"),
                        row.getBoolean("auto_renew"),
                        row.getBoolean("never_suspend"),
                        row.getObject("promise_to_pay", LocalDate.class),
                        (Integer) row.getObject("billing_day"),
                        row.getBoolean("tax_exempt"),
                        row.getString("tax_id"),
                        accounts.balance(account.id())))
                .single();
    }

    @Transactional
    public Account update(UUID customerId, Change change) {
        if (change.paymentTermsDays() < 0 || change.paymentTermsDays() > 365) {
            throw ProblemException.invalidField("paymentTermsDays", "must be between 0 and 365");
        }
        if (change.billingDay() != null && (change.billingDay() < 1 || change.billingDay() > 28)) {
            throw ProblemException.invalidField(
                    "billingDay", "must be a day from 1 to 28, or left out for calendar months");
        }
        String taxId = change.taxId() == null || change.taxId().isBlank()
                ? null
                : change.taxId().strip();
        if (taxId != null && !TAX_ID.matcher(taxId).matches()) {
            throw ProblemException.invalidField(
                    "taxId", "use up to 40 letters, digits, spaces, '.', '/' or '-', starting with a letter or digit");
        }
        if (change.taxExempt() && taxId == null) {
            throw ProblemException.invalidField(
                    "taxId", "a tax exemption needs the customer's tax or exemption certificate number");
        }
        LocalDate today = LocalDate.now(clock.withZone(accounts.tenantZone()));
        if (change.promiseToPay() != null
                && (change.promiseToPay().isBefore(today)
                        || change.promiseToPay().isAfter(today.plusDays(90)))) {
            throw ProblemException.invalidField("promiseToPay", "must be between today and 90 days from now");
        }
        Account before = get(customerId);
        // the billing day is changed under the account's lock, which a billing run takes before it reads the day
        accounts.lockFor(customerId);
        jdbc.sql("""
            update billing.accounts set payment_terms = :terms, auto_renew = :renew, never_suspend = :never,
                promise_to_pay = :promise, billing_day = :day, tax_exempt = :exempt, tax_id = :taxId
            where tenant_id = :t and customer_id = :c
            """)
                .param("exempt", change.taxExempt())
                .param("taxId", taxId)
                .param("day", change.billingDay())
                .param("terms", change.paymentTermsDays())
                .param("renew", change.autoRenew())
                .param("never", change.neverSuspend())
                .param("promise", change.promiseToPay())
                .param("t", TenantContext.require())
                .param("c", customerId)
                .update();
        audit.record(AuditRecord.of("billing-account.updated", "Customer", customerId)
                .with("paymentTermsDays", before.paymentTermsDays() + " → " + change.paymentTermsDays())
                .with("autoRenew", before.autoRenew() + " → " + change.autoRenew())
                .with("neverSuspend", before.neverSuspend() + " → " + change.neverSuspend())
                .with("promiseToPay", before.promiseToPay() + " → " + change.promiseToPay())
                .with("billingDay", before.billingDay() + " → " + change.billingDay())
                .with("taxExempt", before.taxExempt() + " → " + change.taxExempt())
                .with("taxId", before.taxId() + " → " + taxId));
        return get(customerId);
    }
}
