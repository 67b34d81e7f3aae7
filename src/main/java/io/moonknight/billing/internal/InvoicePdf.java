package io.moonknight.billing.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.moonknight.billing.domain.Money;
import io.moonknight.customers.CustomerDirectory;
import io.moonknight.customers.CustomerSummary;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.tenancy.TenantDirectory;
import io.moonknight.tenancy.TenantView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Invoices and payment receipts as PDF: the Thymeleaf templates {@code billing/invoice-pdf} and
 * {@code billing/receipt-pdf} (XHTML with print CSS) with the tenant's name as the letterhead and amounts in the
 * currency's minor units, rendered by openhtmltopdf.
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
        return render("billing/invoice-pdf", invoice.customerId(), invoice.currency(), Map.of("invoice", invoice));
    }

    byte[] receipt(UUID paymentId) {
        var payment = billing.payment(paymentId);
        return render(
                "billing/receipt-pdf",
                payment.customerId(),
                payment.currency(),
                Map.of(
                        "payment",
                        payment,
                        "receivedOn",
                        payment.receivedAt()
                                .atZone(tenants.zone(TenantContext.require()))
                                .toLocalDate()));
    }

    private byte[] render(String template, UUID customerId, String currency, Map<String, Object> variables) {
        CustomerSummary customer = customers.find(customerId).orElse(null);
        TenantView tenant = tenants.find(TenantContext.require()).orElseThrow();
        var context = new Context();
        variables.forEach(context::setVariable);
        context.setVariable("customer", customer);
        context.setVariable("tenant", tenant);
        context.setVariable("digits", Money.minorDigits(java.util.Currency.getInstance(currency)));
        String html = templates.process(template, context);
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(template + " could not be rendered", e);
        }
    }
}
