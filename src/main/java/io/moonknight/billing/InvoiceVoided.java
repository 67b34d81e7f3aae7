package io.moonknight.billing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An invoice was voided ({@code number} is null for a draft, which never had one). */
public record InvoiceVoided(
        UUID tenantId,
        UUID customerId,
        UUID invoiceId,
        @Nullable String number,
        String reason,
        Instant occurredAt) {}
