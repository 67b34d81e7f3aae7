package io.moonknight.billing.internal;

import io.moonknight.billing.PayLinks;
import io.moonknight.billing.domain.Money;
import io.moonknight.customers.CustomerDirectory;
import io.moonknight.customers.CustomerSummary;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.tenancy.TenantDirectory;
import io.moonknight.tenancy.TenantView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The billing documents as PDF: invoices, payment receipts and statements of account. Each is a Thymeleaf
 * template ({@code billing/invoice-pdf}, {@code billing/receipt-pdf}, {@code billing/statement-pdf}; XHTML with
 * print CSS) under the tenant's {@link Letterhead}, with amounts in the currency's minor units, rendered by
 * {@link DocumentRenderer} with embedded fonts. An invoice with money open carries its {@link PayLinks pay link}
 * and a QR code of it.
 */
@Component
class InvoicePdf {

    private static final BidiDirections BIDI = new BidiDirections();

    private final Invoices invoices;
    private final Payments payments;
    private final Statements statements;
    private final CustomerDirectory customers;
    private final TenantDirectory tenants;
    private final TemplateEngine templates;
    private final DocumentRenderer renderer;
    private final ObjectProvider<PayLinks> payLinks;
    private final Clock clock;

    InvoicePdf(
            Invoices invoices,
            Payments payments,
            Statements statements,
            CustomerDirectory customers,
            TenantDirectory tenants,
            TemplateEngine templates,
            DocumentRenderer renderer,
            ObjectProvider<PayLinks> payLinks,
            Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.statements = statements;
        this.customers = customers;
        this.tenants = tenants;
        this.templates = templates;
        this.renderer = renderer;
        this.payLinks = payLinks;
        this.clock = clock;
    }

    byte[] render(UUID invoiceId) {
        var invoice = invoices.invoice(invoiceId);
        Map<String, Object> variables = new HashMap<>();
        variables.put("invoice", invoice);
        String number = invoice.number();
        boolean payable =
                invoice.open().signum() > 0 && !"VOID".equals(invoice.status()) && !"DRAFT".equals(invoice.status());
        if (number != null && payable) {
            payLinks.getObject().forInvoice(invoiceId, number).ifPresent(link -> {
                variables.put("payLink", link);
                variables.put("payQr", QrImages.pngDataUri(link.url().toString()));
            });
        }
        return render("billing/invoice-pdf", invoice.customerId(), invoice.currency(), variables);
    }

    byte[] receipt(UUID paymentId) {
        var payment = payments.payment(paymentId);
        return render(
                "billing/receipt-pdf",
                payment.customerId(),
                payment.currency(),
                Map.of(
                        "payment",
                        payment,
                        "receivedOn",
                        payment.receivedAt().atZone(zone()).toLocalDate(),
                        "balanceAfter",
                        statements.balanceAfterPayment(paymentId)));
    }

    byte[] statement(Statements.Statement statement) {
        return render(
                "billing/statement-pdf",
                statement.customerId(),
                statement.currency(),
                Map.of("statement", statement, "today", LocalDate.now(clock.withZone(zone()))));
    }

    private ZoneId zone() {
        return tenants.zone(TenantContext.require());
    }

    private byte[] render(String template, UUID customerId, String currency, Map<String, Object> variables) {
        CustomerSummary customer = customers.find(customerId).orElse(null);
        TenantView tenant = tenants.find(TenantContext.require()).orElseThrow();
        var context = new Context();
        variables.forEach(context::setVariable);
        context.setVariable("customer", customer);
        context.setVariable("customerAddress", address(customer));
        context.setVariable("tenant", tenant);
        context.setVariable("letterhead", Letterhead.of(tenant));
        context.setVariable("bidi", BIDI);
        context.setVariable("digits", Money.minorDigits(java.util.Currency.getInstance(currency)));
        return renderer.pdf(templates.process(template, context), template);
    }

    /** The customer's postal lines (the installation address; customers have no separate billing address here). */
    private static List<String> address(@Nullable CustomerSummary customer) {
        List<String> lines = new ArrayList<>();
        if (customer != null) {
            for (String line :
                    new String[] {customer.installLine1(), customer.installLine2(), customer.installCity()}) {
                if (line != null && !line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return List.copyOf(lines);
    }
}
