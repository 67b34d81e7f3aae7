package io.moonknight.customers;

import java.util.UUID;

public record CustomerCreated(UUID tenantId, UUID customerId, String accountNumber, String displayName) {}
