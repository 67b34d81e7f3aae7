package io.moonknight.subscriptions.domain;

import io.moonknight.subscriptions.SubscriptionStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * The subscription lifecycle: pending → active → suspended ⇄ active, and any state but terminated →
 * terminated. Anything else is an illegal transition.
 */
public final class Lifecycle {

    public enum Step {
        ACTIVATE,
        SUSPEND,
        RESUME,
        TERMINATE
    }

    private Lifecycle() {}

    public static boolean allowed(SubscriptionStatus from, Step step) {
        return switch (step) {
            case ACTIVATE -> from == SubscriptionStatus.PENDING;
            case SUSPEND -> from == SubscriptionStatus.ACTIVE;
            case RESUME -> from == SubscriptionStatus.SUSPENDED;
            case TERMINATE -> from != SubscriptionStatus.TERMINATED;
        };
    }

    /** The status after the step; an {@link IllegalTransition} when the step is not allowed from {@code from}. */
    public static SubscriptionStatus next(SubscriptionStatus from, Step step) {
        if (!allowed(from, step)) {
            throw new IllegalTransition(from, step);
        }
        return switch (step) {
            case ACTIVATE, RESUME -> SubscriptionStatus.ACTIVE;
            case SUSPEND -> SubscriptionStatus.SUSPENDED;
            case TERMINATE -> SubscriptionStatus.TERMINATED;
        };
    }

    /** The steps possible from a status, for offering only sensible buttons. */
    public static Set<Step> stepsFrom(SubscriptionStatus from) {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        for (Step step : Step.values()) {
            if (allowed(from, step)) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** Whether the plan can be changed (not once terminated). */
    public static boolean planChangeable(SubscriptionStatus status) {
        return status != SubscriptionStatus.TERMINATED;
    }

    public static final class IllegalTransition extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final SubscriptionStatus from;
        private final Step step;

        IllegalTransition(SubscriptionStatus from, Step step) {
            super("A " + from.name().toLowerCase(java.util.Locale.ROOT) + " subscription cannot be " + past(step));
            this.from = from;
            this.step = step;
        }

        public SubscriptionStatus from() {
            return from;
        }

        public Step step() {
            return step;
        }

        private static String past(Step step) {
            return switch (step) {
                case ACTIVATE -> "activated";
                case SUSPEND -> "suspended";
                case RESUME -> "resumed";
                case TERMINATE -> "terminated";
            };
        }
    }
}
