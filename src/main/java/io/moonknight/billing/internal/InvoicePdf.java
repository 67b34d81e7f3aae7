package io.moonknight.billing.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.moonknight.customers.CustomerDirectory;
import io.moonknight.customers.CustomerSummary;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.tenancy.TenantDirectory;
import io.moonknight.tenancy.TenantView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * An invoice as PDF: the Thymeleaf template {@code billing/invoice-pdf} (XHTML with print CSS) with the
 * tenant's name as the letterhead, rendered by openhtmltopdf.
 */
@Component
class InvoicePdf {

    private final BillingService billing;
    private final CustomerDirectory customers;
    private final TenantDirectory tenants;
    private final TemplateEngine templates;

    InvoicePdf(BillingService billing, CustomerDirectory customers, TenantDirectory tenants, TemplateEngine templates) {
        this.billing = billing;
        this.customers = customers;
        this.tenants = tenants;
        this.templates = templates;
    }

    byte[] render(UUID invoiceId) {
        var invoice = billing.invoice(invoiceId);
        CustomerSummary customer = customers.find(invoice.customerId()).orElse(null);
        TenantView tenant = tenants.find(TenantContext.require()).orElseThrow();
        var context = new Context();
        context.setVariable("invoice", invoice);
        context.setVariable("customer", customer);
        context.setVariable("tenant", tenant);
        String html = templates.process("billing/invoice-pdf", context);
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Invoice PDF could not be rendered", e);
        }
    }
}
