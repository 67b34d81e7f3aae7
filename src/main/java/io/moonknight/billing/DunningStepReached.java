package io.moonknight.billing;

import io.moonknight.shared.events.CustomerActivity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A dunning step was reached for an unpaid invoice. {@code action} says which: {@code REMINDER} before the due
 * date is a payment reminder (notifications send it), {@code REMINDER} after it means the account is overdue,
 * {@code SUSPEND} and {@code TERMINATE} were applied to the customer's subscriptions.
 */
public record DunningStepReached(
        UUID tenantId,
        UUID customerId,
        UUID invoiceId,
        String invoiceNumber,
        LocalDate dueOn,
        int daysFromDue,
        String action,
        BigDecimal open,
        String currency,
        Instant occurredAt)
        implements CustomerActivity {

    /** The reminder before the due date. */
    public boolean paymentReminderDue() {
        return action.equals("REMINDER") && daysFromDue < 0;
    }

    /** The account is past due (any step on or after the due date). */
    public boolean accountOverdue() {
        return daysFromDue >= 0;
    }

    @Override
    public String activityKind() {
        return paymentReminderDue()
                ? "billing.payment-reminder-due"
                : "billing.dunning-" + action.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String activityTitle() {
        return switch (action) {
            case "SUSPEND" ->
                "Service suspended: invoice " + invoiceNumber + " unpaid " + daysFromDue + " days after due";
            case "TERMINATE" -> "Service terminated: invoice " + invoiceNumber + " unpaid";
            default ->
                paymentReminderDue()
                        ? "Payment reminder: invoice " + invoiceNumber + " due on " + dueOn
                        : "Overdue: invoice " + invoiceNumber + " was due on " + dueOn;
        };
    }

    @Override
    public Map<String, Object> activityDetails() {
        return Map.of("open", open.toPlainString() + " " + currency, "daysFromDue", daysFromDue);
    }

    @Override
    public String referenceType() {
        return "Invoice";
    }

    @Override
    public String referenceId() {
        return invoiceId.toString();
    }
}
