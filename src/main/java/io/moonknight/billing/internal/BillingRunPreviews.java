package io.moonknight.billing.internal;

import io.moonknight.billing.domain.Money;
import io.moonknight.customers.CustomerDirectory;
import io.moonknight.customers.CustomerSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What a billing run today would invoice, for the console's and the API's preview: each invoice with its customer's
 * name and account number, and the total per currency. Nothing is billed and no run is recorded.
 */
@Service
public class BillingRunPreviews {

    /**
     * One invoice a run would issue, as the run computes it.
     *
     * @param subscription the subscription's username, or null for an invoice of the customer's one-time charges
     */
    public record Item(UUID customerId, @Nullable String subscription, BigDecimal amount, String currency) {}

    /** One invoice of the preview, with whom it would go to. */
    public record Line(
            UUID customerId,
            @Nullable String customerName,
            @Nullable String accountNumber,
            @Nullable String subscription,
            BigDecimal amount,
            String currency) {}

    /** What the previewed invoices come to in one currency. */
    public record Total(String currency, int invoices, BigDecimal amount) {}

    /** The preview: its lines by customer name, and the totals per currency (usually one). */
    public record Preview(LocalDate runDate, int invoices, List<Total> totals, List<Line> lines) {}

    private final BillingRuns runs;
    private final CustomerDirectory customers;
    private final java.time.Clock clock;
    private final Accounts accounts;

    BillingRunPreviews(BillingRuns runs, CustomerDirectory customers, java.time.Clock clock, Accounts accounts) {
        this.runs = runs;
        this.customers = customers;
        this.clock = clock;
        this.accounts = accounts;
    }

    /** What a run today would invoice. */
    public Preview preview() {
        LocalDate today = LocalDate.now(clock.withZone(accounts.tenantZone()));
        List<Item> items = runs.preview(today);
        Map<UUID, CustomerSummary> names = customers.findAll(
                items.stream().map(Item::customerId).distinct().toList());
        List<Line> lines = new ArrayList<>();
        Map<String, BigDecimal> amounts = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Item item : items) {
            CustomerSummary customer = names.get(item.customerId());
            BigDecimal amount = rounded(item.amount(), item.currency());
            lines.add(new Line(
                    item.customerId(),
                    customer == null ? null : customer.displayName(),
                    customer == null ? null : customer.accountNumber(),
                    item.subscription(),
                    amount,
                    item.currency()));
            amounts.merge(item.currency(), amount, BigDecimal::add);
            counts.merge(item.currency(), 1, Integer::sum);
        }
        lines.sort(Comparator.comparing((Line l) -> l.customerName() == null ? "" : l.customerName())
                .thenComparing(l -> l.subscription() == null ? "" : l.subscription()));
        List<Total> totals = amounts.entrySet().stream()
                .map(e -> new Total(e.getKey(), counts.getOrDefault(e.getKey(), 0), e.getValue()))
                .toList();
        return new Preview(today, lines.size(), totals, List.copyOf(lines));
    }

    /**
     * The answer to the older {@code POST /api/v1/billing-runs} with {@code dryRun}: a run that was not recorded (its
     * id is new and unknown to {@code GET}), with one line per invoice as {@code subscription: amount currency}.
     */
    static BillingViews.Run unsavedRun(LocalDate today, List<Item> items, Instant now) {
        BigDecimal amount = items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new BillingViews.Run(
                UUID.randomUUID(),
                today,
                true,
                "COMPLETED",
                items.size(),
                items.size(),
                items.size(),
                amount,
                now,
                now,
                null,
                items.stream()
                        .map(i ->
                                (i.subscription() == null ? "charges of customer " + i.customerId() : i.subscription())
                                        + ": " + i.amount().toPlainString() + " " + i.currency())
                        .toList());
    }

    private static BigDecimal rounded(BigDecimal amount, String currency) {
        try {
            return Money.round(amount, Currency.getInstance(currency));
        } catch (IllegalArgumentException e) {
            return amount;
        }
    }
}
