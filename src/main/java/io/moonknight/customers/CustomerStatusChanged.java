package io.moonknight.customers;

import java.util.UUID;

public record CustomerStatusChanged(UUID tenantId, UUID customerId, CustomerStatus from, CustomerStatus to) {}
