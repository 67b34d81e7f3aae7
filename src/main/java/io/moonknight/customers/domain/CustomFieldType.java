package io.moonknight.customers.domain;

/** The kinds of value a tenant-defined customer field holds. */
public enum CustomFieldType {
    TEXT,
    NUMBER,
    DATE,
    CHOICE
}
