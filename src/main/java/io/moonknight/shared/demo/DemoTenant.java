package io.moonknight.shared.demo;

import java.util.UUID;

/** The demo tenant being filled, and the password every demo login uses. */
public record DemoTenant(UUID tenantId, String slug, String password) {}
