package io.moonknight.billing.internal;

import io.moonknight.customers.CustomerDirectory;
import io.moonknight.shared.demo.DemoDataContributor;
import io.moonknight.shared.demo.DemoTenant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Demo billing: this month's run over the demo subscriptions, and payments from most customers. */
@Component
class BillingDemoData implements DemoDataContributor {

    private final BillingService billing;
    private final CustomerDirectory customers;

    BillingDemoData(BillingService billing, CustomerDirectory customers) {
        this.billing = billing;
        this.customers = customers;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void contribute(DemoTenant demo) {
        billing.start(false, true);
        int i = 0;
        for (var customer : customers.first(400)) {
            var open = billing.invoices(customer.id(), "ISSUED", PageRequest.of(0, 10))
                    .getContent();
            if (open.isEmpty()) {
                continue;
            }
            var invoice = open.getFirst();
            if (i % 5 == 0) {
                // left open: overdue once its due date passes
            } else if (i % 7 == 0) {
                billing.recordPayment(
                        customer.id(),
                        invoice.total()
                                .divide(java.math.BigDecimal.valueOf(2))
                                .setScale(
                                        io.moonknight.billing.domain.Money.minorDigits(
                                                java.util.Currency.getInstance(invoice.currency())),
                                        java.math.RoundingMode.DOWN),
                        "CASH",
                        null,
                        List.of());
            } else {
                billing.recordPayment(
                        customer.id(),
                        invoice.total(),
                        i % 2 == 0 ? "BANK_TRANSFER" : "CASH",
                        i % 2 == 0 ? "TRX-" + (1000 + i) : null,
                        List.of());
            }
            i++;
        }
    }
}
