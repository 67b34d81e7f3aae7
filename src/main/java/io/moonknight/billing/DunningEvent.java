package io.moonknight.billing;

/**
 * The dunning steps by name, for notifications: each is published alongside the {@link DunningStepReached} that
 * the customer's timeline shows, and carries it.
 */
public sealed interface DunningEvent {

    DunningStepReached step();

    /** A reminder before the due date. */
    record PaymentReminderDue(DunningStepReached step) implements DunningEvent {}

    /** A reminder on or after the due date: the account is overdue. */
    record AccountOverdue(DunningStepReached step) implements DunningEvent {}

    /** The suspend step: the customer's subscriptions were suspended (or spared, see {@code spared}). */
    record AccountSuspended(DunningStepReached step, boolean spared) implements DunningEvent {}

    /** The terminate step: the customer's subscriptions were terminated (or spared). */
    record AccountTerminated(DunningStepReached step, boolean spared) implements DunningEvent {}

    static DunningEvent of(DunningStepReached step, boolean spared) {
        return switch (step.action()) {
            case "SUSPEND" -> new AccountSuspended(step, spared);
            case "TERMINATE" -> new AccountTerminated(step, spared);
            default -> step.paymentReminderDue() ? new PaymentReminderDue(step) : new AccountOverdue(step);
        };
    }
}
