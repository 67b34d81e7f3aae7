package io.moonknight.billing;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a customer pays an invoice online: printed on the invoice PDF as a link and a QR code.
 *
 * <p>Billing's own implementation links to the invoice's page in the console (useful to staff who scan a printed
 * invoice, not yet to the customer). The payments module will provide the real one (a hosted checkout page per
 * invoice) and mark its bean {@code @Primary}; billing then prints that instead, with no change here. An
 * implementation is called in the invoice's tenant (the tenant context is bound).
 */
public interface PayLinks {

    /** A link and the words printed above it ("Pay online", "View this invoice online"). */
    record PayLink(URI url, String label) {}

    /** The link for an issued invoice with money still open; empty to print none. */
    Optional<PayLink> forInvoice(UUID invoiceId, String invoiceNumber);
}
