package io.moonknight.tenancy;

import java.util.Optional;
import java.util.UUID;

/** Looks tenants up; answers from a short-lived cache, so it is cheap to call on every request. */
public interface TenantDirectory {

    Optional<TenantView> find(UUID id);

    Optional<TenantView> findBySlug(String slug);

    long count();
}
