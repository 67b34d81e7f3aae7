package io.moonknight.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment was recorded and allocated (to the chosen or the oldest open invoices; the rest is credit). Dunning
 * resumes what it suspended and prepaid services renew in reaction to it.
 */
public record PaymentReceived(
        UUID tenantId,
        UUID customerId,
        UUID paymentId,
        String receiptNumber,
        BigDecimal amount,
        String currency,
        String method,
        Instant occurredAt) {}
