package io.moonknight.billing.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.billing.domain.Money;
import io.moonknight.customers.CustomerDirectory;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Payments in the bound tenant: recording one (allocated through {@link Credit}), refunds, receipts and reads. */
@Service
public class Payments {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final CustomerDirectory customers;
    private final AuditTrail audit;
    private final Credit credit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Payments(
            JdbcClient jdbc,
            Accounts accounts,
            CustomerDirectory customers,
            AuditTrail audit,
            Credit credit,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.customers = customers;
        this.audit = audit;
        this.credit = credit;
        this.clock = clock;
        this.events = events;
    }

    /** A manual payment, allocated to the chosen invoices or else the oldest open ones; the rest stays as credit. */
    @Transactional
    public BillingViews.Payment recordPayment(
            UUID customerId, BigDecimal amount, String method, @Nullable String reference, List<UUID> invoiceIds) {
        var _ = customers
                .find(customerId)
                .orElseThrow(() -> ProblemException.invalidField("customerId", "no such customer"));
        Accounts.Account account = accounts.lockFor(customerId);
        if (amount.signum() <= 0) {
            throw ProblemException.invalidField("amount", "must be more than zero");
        }
        if (amount.stripTrailingZeros().scale() > Money.minorDigits(account.currency())) {
            throw ProblemException.invalidField(
                    "amount",
                    "has more decimals than " + account.currency().getCurrencyCode() + " has ("
                            + Money.minorDigits(account.currency()) + ")");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
            insert into billing.payments (id, tenant_id, account_id, customer_id, method, reference, amount, currency,
                received_at, recorded_by, receipt_number) values (:id, :t, :a, :c, :m, :r, :amount, :cur, :now, :by,
                :receipt)
            """)
                .param("receipt", nextReceiptNumber(LocalDate.ofInstant(now, accounts.tenantZone())))
                .param("id", id)
                .param("t", TenantContext.require())
                .param("a", account.id())
                .param("c", customerId)
                .param("m", method)
                .param("r", reference)
                .param("amount", amount)
                .param("cur", account.currency().getCurrencyCode())
                .param("now", java.sql.Timestamp.from(now))
                .param("by", Actor.current().map(Actor::displayName).orElse("system"))
                .update();
        accounts.post(
                account.id(),
                "PAYMENT",
                amount.negate(),
                id,
                "Payment (" + method.toLowerCase(java.util.Locale.ROOT) + (reference == null ? "" : " " + reference)
                        + ")");
        BigDecimal left = amount;
        var open = jdbc.sql("""
            select id, total - paid as open from billing.invoices
            where tenant_id = :t and account_id = :a and status in ('ISSUED', 'PARTIALLY_PAID')
              and (cardinality(cast(:chosen as uuid[])) = 0 or id = any(cast(:chosen as uuid[])))
            order by issued_on, number for update
            """)
                .param("t", TenantContext.require())
                .param("a", account.id())
                .param(
                        "chosen",
                        "{"
                                + String.join(
                                        ",",
                                        invoiceIds.stream().map(UUID::toString).toList()) + "}")
                .query((row, i) -> Map.entry(row.getObject("id", UUID.class), row.getBigDecimal("open")))
                .list();
        if (!invoiceIds.isEmpty() && open.size() != invoiceIds.size()) {
            throw ProblemException.invalidField("invoiceIds", "name open invoices of this customer");
        }
        for (var invoice : open) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal share = left.min(invoice.getValue());
            credit.allocate(id, invoice.getKey(), share);
            left = left.subtract(share);
        }
        audit.record(AuditRecord.of("payment.recorded", "Payment", id)
                .with("amount", amount)
                .with("method", method));
        BillingViews.Payment recorded = payment(id);
        // dunning resumes what it suspended and prepaid services renew, in reaction to this (PaymentReactions)
        events.publishEvent(new io.moonknight.billing.PaymentReceived(
                TenantContext.require(),
                customerId,
                id,
                java.util.Objects.requireNonNull(recorded.receiptNumber()),
                amount,
                account.currency().getCurrencyCode(),
                method,
                now));
        return recorded;
    }

    /** The next gapless receipt number, taken inside the caller's transaction (a rollback gives it back). */
    private String nextReceiptNumber(LocalDate on) {
        UUID tenant = TenantContext.require();
        jdbc.sql("insert into billing.receipt_sequences (tenant_id) values (:t) on conflict (tenant_id) do nothing")
                .param("t", tenant)
                .update();
        return jdbc.sql("""
            update billing.receipt_sequences set next = next + 1 where tenant_id = :t returning next - 1 as seq, format
            """)
                .param("t", tenant)
                .query((row, i) -> io.moonknight.billing.domain.InvoiceNumbers.format(
                        row.getString("format"), on, row.getLong("seq")))
                .single();
    }

    /**
     * Pays money back out of what a payment left as credit (an overpayment or prepayment): at most its unallocated
     * part. Money already spent on invoices is given back by voiding the invoice first (a credit note).
     */
    @Transactional
    public BillingViews.Payment refund(
            UUID paymentId, BigDecimal amount, String method, @Nullable String reference, String reason) {
        UUID accountId = jdbc.sql("select account_id from billing.payments where tenant_id = :t and id = :id")
                .param("t", TenantContext.require())
                .param("id", paymentId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Payment", paymentId));
        accounts.lock(accountId); // what the payment has left is read after this, never before
        var payment = jdbc.sql("select account_id, customer_id, currency from billing.payments where tenant_id = :t"
                        + " and id = :id for update")
                .param("t", TenantContext.require())
                .param("id", paymentId)
                .query((row, i) -> new Object[] {
                    row.getObject("account_id", UUID.class),
                    row.getObject("customer_id", UUID.class),
                    java.util.Currency.getInstance(row.getString("currency"))
                })
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Payment", paymentId));
        var currency = (java.util.Currency) payment[2];
        if (amount.signum() <= 0) {
            throw ProblemException.invalidField("amount", "must be more than zero");
        }
        if (amount.stripTrailingZeros().scale() > Money.minorDigits(currency)) {
            throw ProblemException.invalidField(
                    "amount",
                    "has more decimals than " + currency.getCurrencyCode() + " has (" + Money.minorDigits(currency)
                            + ")");
        }
        BigDecimal free = payment(paymentId).unallocated();
        if (amount.compareTo(free) > 0) {
            throw ProblemException.conflict(
                            "refund-exceeds-credit",
                            "At most " + free.toPlainString() + " " + currency.getCurrencyCode()
                                    + " of this payment is unspent credit; void the invoices it paid to refund more")
                    .with("refundable", free);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
            insert into billing.refunds (id, tenant_id, account_id, customer_id, payment_id, amount, method, reference,
                reason, refunded_at, recorded_by) values (:id, :t, :a, :c, :p, :amount, :m, :r, :why, :now, :by)
            """)
                .param("id", id)
                .param("t", TenantContext.require())
                .param("a", payment[0])
                .param("c", payment[1])
                .param("p", paymentId)
                .param("amount", amount)
                .param("m", method)
                .param("r", reference)
                .param("why", reason.strip())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("by", Actor.current().map(Actor::displayName).orElse("system"))
                .update();
        accounts.post(
                (UUID) payment[0],
                "REFUND",
                amount,
                id,
                "Refund (" + method.toLowerCase(java.util.Locale.ROOT) + (reference == null ? "" : " " + reference)
                        + "): " + reason.strip());
        audit.record(AuditRecord.of("payment.refunded", "Payment", paymentId)
                .with("amount", amount)
                .with("reason", reason.strip()));
        return payment(paymentId);
    }

    /** Payments, newest first, optionally of one customer. */
    @Transactional(readOnly = true)
    public Page<BillingViews.Payment> payments(@Nullable UUID customerId, Pageable pageable) {
        long[] total = {0};
        List<UUID> ids = jdbc.sql("select id, count(*) over () as all_rows from billing.payments where tenant_id = :t"
                        + (customerId == null ? "" : " and customer_id = :c")
                        + " order by received_at desc, id limit :limit offset :offset")
                .param("t", TenantContext.require())
                .param("c", customerId == null ? new UUID(0, 0) : customerId)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((row, i) -> {
                    total[0] = row.getLong("all_rows");
                    return row.getObject("id", UUID.class);
                })
                .list();
        return new PageImpl<>(ids.stream().map(this::payment).toList(), pageable, total[0]);
    }

    @Transactional(readOnly = true)
    public BillingViews.Payment payment(UUID id) {
        List<BillingViews.Allocation> allocations = jdbc.sql("""
            select a.invoice_id, i.number, a.amount from billing.payment_allocations a
            join billing.invoices i on i.id = a.invoice_id where a.payment_id = :id order by i.issued_on, i.number
            """)
                .param("id", id)
                .query((row, i) -> new BillingViews.Allocation(
                        row.getObject("invoice_id", UUID.class), row.getString("number"), row.getBigDecimal("amount")))
                .list();
        BigDecimal allocated =
                allocations.stream().map(BillingViews.Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BillingViews.Refund> refunds = jdbc.sql(
                        "select * from billing.refunds where tenant_id = :t and payment_id = :id order by refunded_at")
                .param("t", TenantContext.require())
                .param("id", id)
                .query((row, i) -> new BillingViews.Refund(
                        row.getObject("id", UUID.class),
                        row.getBigDecimal("amount"),
                        row.getString("method"),
                        row.getString("reference"),
                        row.getString("reason"),
                        row.getTimestamp("refunded_at").toInstant(),
                        row.getString("recorded_by")))
                .list();
        BigDecimal refunded =
                refunds.stream().map(BillingViews.Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return jdbc.sql("select * from billing.payments where tenant_id = :t and id = :id")
                .param("t", TenantContext.require())
                .param("id", id)
                .query((row, i) -> new BillingViews.Payment(
                        id,
                        row.getObject("customer_id", UUID.class),
                        row.getString("receipt_number"),
                        row.getString("method"),
                        row.getString("reference"),
                        row.getBigDecimal("amount"),
                        row.getString("currency"),
                        row.getTimestamp("received_at").toInstant(),
                        allocated,
                        refunded,
                        row.getBigDecimal("amount").subtract(allocated).subtract(refunded),
                        allocations,
                        refunds))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Payment", id));
    }
}
