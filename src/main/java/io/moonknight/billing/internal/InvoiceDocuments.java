package io.moonknight.billing.internal;

import java.util.UUID;
import org.springframework.stereotype.Service;

/** Invoice, receipt and statement documents for the web layer (the renderer itself stays package-private). */
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

    /** A statement of account as PDF. */
    public byte[] statementPdf(Statements.Statement statement) {
        return pdf.statement(statement);
    }

    /** A statement of account as CSV (UTF-8 with a byte order mark, formula-safe). */
    public byte[] statementCsv(Statements.Statement statement) {
        return StatementCsv.write(statement);
    }
}
