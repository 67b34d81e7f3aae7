package io.moonknight.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An invoice passed its due date unpaid: published once, when dunning takes its first step after the due date. */
public record InvoiceOverdue(
        UUID tenantId,
        UUID customerId,
        UUID invoiceId,
        String number,
        LocalDate dueOn,
        BigDecimal open,
        String currency,
        Instant occurredAt) {}
