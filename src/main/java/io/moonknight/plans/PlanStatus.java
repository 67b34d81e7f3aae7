package io.moonknight.plans;

/** Archived plans are no longer sold; their subscriptions carry on. */
public enum PlanStatus {
    ACTIVE,
    ARCHIVED
}
