package io.moonknight.tenancy;

import java.util.Optional;
import java.util.UUID;

/** Looks tenants up; answers from a short-lived cache, so it is cheap to call on every request. */
public interface TenantDirectory {

    Optional<TenantView> find(UUID id);

    Optional<TenantView> findBySlug(String slug);

    long count();

    /** The tenant's timezone (UTC for an unknown tenant). */
    default java.time.ZoneId zone(UUID id) {
        return find(id).map(TenantView::timezone).map(java.time.ZoneId::of).orElse(java.time.ZoneOffset.UTC);
    }

    /** The tenant's currency (USD for an unknown tenant). */
    default java.util.Currency currency(UUID id) {
        return find(id).map(TenantView::currency)
                .map(java.util.Currency::getInstance)
                .orElse(java.util.Currency.getInstance("USD"));
    }

    /** Every tenant that is not suspended (for jobs that run per tenant). */
    java.util.List<TenantView> active();
}
