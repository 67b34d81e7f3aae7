package io.moonknight.subscriptions;

public enum SubscriptionStatus {
    PENDING,
    ACTIVE,
    SUSPENDED,
    TERMINATED
}
