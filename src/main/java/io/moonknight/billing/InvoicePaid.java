package io.moonknight.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An invoice was paid in full (by a payment or by credit the customer had). */
public record InvoicePaid(
        UUID tenantId,
        UUID customerId,
        UUID invoiceId,
        String number,
        BigDecimal total,
        String currency,
        Instant occurredAt) {}
