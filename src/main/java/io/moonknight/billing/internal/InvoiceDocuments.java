package io.moonknight.billing.internal;

import java.util.UUID;
import org.springframework.stereotype.Service;

/** Invoice documents for the web layer (the renderer itself stays package-private). */
@Service
public class InvoiceDocuments {

    private final InvoicePdf pdf;

    InvoiceDocuments(InvoicePdf pdf) {
        this.pdf = pdf;
    }

    public byte[] pdf(UUID invoiceId) {
        return pdf.render(invoiceId);
    }
}
