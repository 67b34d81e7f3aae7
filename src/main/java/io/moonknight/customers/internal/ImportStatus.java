package io.moonknight.customers.internal;

public enum ImportStatus {
    UPLOADED,
    RUNNING,
    COMPLETED,
    FAILED
}
