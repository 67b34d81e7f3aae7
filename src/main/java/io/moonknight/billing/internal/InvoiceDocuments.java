package io.moonknight.billing.internal;

import java.util.UUID;
import org.springframework.stereotype.Service;

/** Invoice and receipt documents for the web layer (the renderer itself stays package-private). */
@Service
public class InvoiceDocuments {

    private final InvoicePdf pdf;

    InvoiceDocuments(InvoicePdf pdf) {
        this.pdf = pdf;
    }

    public byte[] pdf(UUID invoiceId) {
        return pdf.render(invoiceId);
    }

    /** A payment's receipt as PDF. */
    public byte[] receipt(UUID paymentId) {
        return pdf.receipt(paymentId);
    }
}
