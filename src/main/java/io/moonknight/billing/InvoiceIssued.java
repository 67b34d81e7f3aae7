package io.moonknight.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An invoice was issued: it has its number, and its total is a debit on the customer's ledger. */
public record InvoiceIssued(
        UUID tenantId,
        UUID customerId,
        UUID invoiceId,
        String number,
        BigDecimal total,
        String currency,
        LocalDate issuedOn,
        LocalDate dueOn,
        Instant occurredAt) {}
