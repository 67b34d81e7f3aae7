package io.moonknight.billing.internal;

import io.moonknight.billing.domain.Money;
import io.moonknight.customers.CustomerDirectory;
import io.moonknight.shared.demo.DemoDataContributor;
import io.moonknight.shared.demo.DemoTenant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Demo billing with some months of history: the runs of the last three months and this one, the older invoices
 * paid, last month's mostly paid (a few part-paid, a few overdue with a promise to pay), this month's open; a
 * few one-time charges (devices invoiced at once, setup fees pending), a data pack and a refunded overpayment.
 */
@Component
class BillingDemoData implements DemoDataContributor {

    private final BillingRuns runs;
    private final Invoices invoices;
    private final Payments payments;
    private final Charges charges;
    private final BillingAccounts billingAccounts;
    private final Accounts accounts;
    private final CustomerDirectory customers;
    private final Clock clock;
    private final DataPacks packs;
    private final io.moonknight.plans.PlanCatalog plans;
    private final io.moonknight.subscriptions.SubscriptionDirectory subscriptions;

    BillingDemoData(
            BillingRuns runs,
            Invoices invoices,
            Payments payments,
            Charges charges,
            BillingAccounts billingAccounts,
            Accounts accounts,
            CustomerDirectory customers,
            Clock clock,
            DataPacks packs,
            io.moonknight.plans.PlanCatalog plans,
            io.moonknight.subscriptions.SubscriptionDirectory subscriptions) {
        this.packs = packs;
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.runs = runs;
        this.invoices = invoices;
        this.payments = payments;
        this.charges = charges;
        this.billingAccounts = billingAccounts;
        this.accounts = accounts;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void contribute(DemoTenant demo) {
        LocalDate today = LocalDate.now(clock.withZone(accounts.tenantZone()));
        var demoCustomers = customers.first(400);
        for (int monthsAgo = 3; monthsAgo >= 1; monthsAgo--) {
            runs.start(today.minusMonths(monthsAgo).withDayOfMonth(1), false, true);
            int i = 0;
            for (var customer : demoCustomers) {
                var open = invoices.invoices(customer.id(), "ISSUED", PageRequest.of(0, 10))
                        .getContent();
                if (open.isEmpty()) {
                    continue;
                }
                var invoice = open.getLast(); // the oldest
                i++;
                if (monthsAgo == 1 && i % 9 == 0) {
                    // overdue; the customer promised to pay, so dunning only reminds
                    var account = billingAccounts.get(customer.id());
                    billingAccounts.update(
                            customer.id(),
                            new BillingAccounts.Change(
                                            account.paymentTermsDays(),
                                            account.autoRenew(),
                                            false,
                                            null,
                                            account.billingDay(),
                                            account.taxExempt(),
                                            account.taxId())
                                    .promising(today.plusDays(14)));
                    continue;
                }
                BigDecimal amount = monthsAgo == 1 && i % 7 == 0 ? half(invoice) : invoice.total();
                payments.recordPayment(
                        customer.id(),
                        amount,
                        i % 2 == 0 ? "BANK_TRANSFER" : "CASH",
                        i % 2 == 0 ? "TRX-" + (1000 * monthsAgo + i) : null,
                        List.of(invoice.id()));
            }
        }
        runs.start(false, true); // this month's, left open
        int i = 0;
        for (var customer : demoCustomers.subList(0, Math.min(40, demoCustomers.size()))) {
            i++;
            if (i % 10 == 3) {
                charges.add(
                        customer.id(),
                        new Charges.NewCharge(
                                "DEVICE", "ONU router", BigDecimal.ONE, new BigDecimal("1800"), null, null, null),
                        true);
            } else if (i % 10 == 6) {
                charges.add(
                        customer.id(),
                        new Charges.NewCharge(
                                "SETUP_FEE",
                                "Fibre installation",
                                BigDecimal.ONE,
                                new BigDecimal("1000"),
                                null,
                                null,
                                null),
                        false);
            } else if (i == 5) {
                var pack = plans.sellable().stream()
                        .filter(p -> p.billingType() == io.moonknight.plans.BillingType.DATA_PACK)
                        .findFirst();
                var subscription = subscriptions.ofCustomer(customer.id()).stream()
                        .filter(s -> s.status() != io.moonknight.subscriptions.SubscriptionStatus.TERMINATED)
                        .findFirst();
                if (pack.isPresent() && subscription.isPresent()) {
                    packs.buy(subscription.get().id(), pack.get().id());
                }
            } else if (i == 8) {
                var payment = payments.recordPayment(customer.id(), new BigDecimal("500"), "CASH", null, List.of());
                if (payment.unallocated().signum() > 0) {
                    payments.refund(
                            payment.id(),
                            payment.unallocated().min(new BigDecimal("200")),
                            "CASH",
                            null,
                            "Paid twice by mistake");
                }
            }
        }
    }

    private static BigDecimal half(BillingViews.Invoice invoice) {
        return invoice.total()
                .divide(
                        BigDecimal.valueOf(2),
                        Money.minorDigits(Currency.getInstance(invoice.currency())),
                        RoundingMode.DOWN);
    }
}
