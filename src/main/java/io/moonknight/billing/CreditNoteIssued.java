package io.moonknight.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A credit note took an issued invoice's amount back (it was voided): a credit on the customer's ledger. */
public record CreditNoteIssued(
        UUID tenantId,
        UUID customerId,
        UUID invoiceId,
        String invoiceNumber,
        BigDecimal amount,
        String currency,
        Instant occurredAt) {}
