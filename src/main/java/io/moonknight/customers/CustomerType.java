package io.moonknight.customers;

public enum CustomerType {
    INDIVIDUAL,
    BUSINESS
}
