package io.moonknight.tenancy.internal;

import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.tenancy.FirstAdmin;
import io.moonknight.tenancy.TenantAdminProvisioner;
import io.moonknight.tenancy.TenantSettings;
import io.moonknight.tenancy.TenantSlug;
import io.moonknight.tenancy.TenantStatus;
import io.moonknight.tenancy.TenantView;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The platform operator's and tenant admins' use cases on tenants. */
@Service
public class TenantService {

    private final TenantRepository tenants;
    private final TenantAdminProvisioner adminProvisioner;
    private final TransactionTemplate transaction;
    private final TenantCache cache;
    private final java.util.List<io.moonknight.tenancy.CurrencyChangeGuard> currencyGuards;
    private final Clock clock;

    TenantService(
            TenantRepository tenants,
            TenantAdminProvisioner adminProvisioner,
            PlatformTransactionManager transactionManager,
            TenantCache cache,
            java.util.List<io.moonknight.tenancy.CurrencyChangeGuard> currencyGuards,
            Clock clock) {
        this.currencyGuards = currencyGuards;
        this.tenants = tenants;
        this.adminProvisioner = adminProvisioner;
        this.transaction = new TransactionTemplate(transactionManager);
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * Creates a tenant and its first admin in one transaction. The new tenant is bound before the
     * transaction starts, so the admin's rows belong to it.
     */
    public TenantView create(TenantSlug slug, TenantSettings settings, FirstAdmin admin) {
        return create(UUID.randomUUID(), slug, settings, admin);
    }

    /** As {@link #create(TenantSlug, TenantSettings, FirstAdmin)}, joining a surrounding transaction if any. */
    TenantView create(UUID id, TenantSlug slug, TenantSettings settings, FirstAdmin admin) {
        adminProvisioner.validate(admin);
        TenantView created = TenantContext.call(
                id,
                () -> transaction.execute(status -> {
                    if (tenants.existsBySlug(slug.value())) {
                        throw ProblemException.conflict("slug-taken", "A tenant named '" + slug + "' already exists")
                                .with("field", "slug");
                    }
                    Tenant tenant = tenants.save(new Tenant(id, slug, settings, clock.instant()));
                    adminProvisioner.provision(admin);
                    return tenant.view();
                }));
        return Objects.requireNonNull(created);
    }

    @Transactional(readOnly = true)
    public Page<TenantView> search(@Nullable String query, @Nullable TenantStatus status, Pageable pageable) {
        String q = query == null || query.isBlank() ? null : query.strip();
        return tenants.search(q, status, pageable).map(Tenant::view);
    }

    @Transactional(readOnly = true)
    public TenantView get(UUID id) {
        return load(id).view();
    }

    @Transactional
    public TenantView changeSettings(UUID id, TenantSettings settings) {
        Tenant tenant = load(id);
        var from = java.util.Currency.getInstance(tenant.view().currency());
        if (!from.equals(settings.currency())) {
            currencyGuards.forEach(guard -> guard.currencyChanging(id, from, settings.currency()));
        }
        tenant.changeSettings(settings, clock.instant());
        return saved(tenant);
    }

    /** Suspends a tenant; its users can no longer sign in and are shown {@code reason} (1-500 characters). */
    @Transactional
    public TenantView suspend(UUID id, String reason) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw ProblemException.invalidField("reason", "must be 1-500 characters; the tenant's users see it");
        }
        Tenant tenant = load(id);
        tenant.suspend(why, clock.instant());
        return saved(tenant);
    }

    @Transactional
    public TenantView reactivate(UUID id) {
        Tenant tenant = load(id);
        tenant.reactivate(clock.instant());
        return saved(tenant);
    }

    private TenantView saved(Tenant tenant) {
        TenantView view = tenants.save(tenant).view();
        cache.evict(view.id());
        return view;
    }

    private Tenant load(UUID id) {
        return tenants.findById(id).orElseThrow(() -> ProblemException.notFound("Tenant", id));
    }
}
