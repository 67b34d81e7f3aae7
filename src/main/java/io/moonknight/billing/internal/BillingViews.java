package io.moonknight.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the billing API and console show. */
public final class BillingViews {

    private BillingViews() {}

    public record InvoiceLine(
            int position,
            String description,
            @Nullable UUID subscriptionId,
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd,
            BigDecimal net,
            BigDecimal tax,
            BigDecimal total) {}

    public record Invoice(
            UUID id,
            UUID customerId,
            @Nullable String number,
            String status,
            String currency,
            @Nullable LocalDate issuedOn,
            @Nullable LocalDate dueOn,
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd,
            BigDecimal net,
            BigDecimal tax,
            BigDecimal total,
            BigDecimal paid,
            BigDecimal open,
            boolean overdue,
            @Nullable String voidReason,
            @Nullable String customerTaxId,
            boolean taxExempt,
            List<InvoiceLine> lines) {}

    public record LedgerEntry(
            UUID id,
            Instant occurredAt,
            String kind,
            BigDecimal amount,
            BigDecimal balance,
            String description,
            @Nullable UUID referenceId) {}

    public record Ledger(UUID customerId, String currency, BigDecimal balance, List<LedgerEntry> entries) {}

    /** {@code unallocated} is what is left as credit: the amount less what invoices took and what was refunded. */
    public record Payment(
            UUID id,
            UUID customerId,
            @Nullable String receiptNumber,
            String method,
            @Nullable String reference,
            BigDecimal amount,
            String currency,
            Instant receivedAt,
            BigDecimal allocated,
            BigDecimal refunded,
            BigDecimal unallocated,
            List<Allocation> allocations,
            List<Refund> refunds) {}

    public record Refund(
            UUID id,
            BigDecimal amount,
            String method,
            @Nullable String reference,
            String reason,
            Instant refundedAt,
            @Nullable String recordedBy) {}

    public record Allocation(UUID invoiceId, @Nullable String invoiceNumber, BigDecimal amount) {}

    public record Run(
            UUID id,
            LocalDate runDate,
            boolean dryRun,
            String status,
            int total,
            int done,
            int invoiced,
            BigDecimal amount,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String error,
            List<String> preview) {}
}
