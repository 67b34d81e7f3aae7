package io.moonknight.billing.internal;

import io.moonknight.billing.PayLinks;
import io.moonknight.shared.config.MoonKnightProperties;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.tenancy.TenantDirectory;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The pay link until the payments module provides one: the invoice's console page, on the configured public URL
 * ({@code moonknight.public-url}) or else on the tenant's subdomain of the base domain.
 */
@Component
class ConsolePayLinks implements PayLinks {

    private final MoonKnightProperties properties;
    private final TenantDirectory tenants;
    private final Environment environment;

    ConsolePayLinks(MoonKnightProperties properties, TenantDirectory tenants, Environment environment) {
        this.properties = properties;
        this.tenants = tenants;
        this.environment = environment;
    }

    @Override
    public Optional<PayLink> forInvoice(UUID invoiceId, String invoiceNumber) {
        return base().map(base -> new PayLink(URI.create(base + "/billing/invoices/" + invoiceId), "View online"));
    }

    private Optional<String> base() {
        String configured = properties.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return Optional.of(
                    configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured);
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return tenants.find(TenantContext.require())
                .map(tenant -> "http://" + tenant.slug() + "." + properties.baseDomain()
                        + (port.equals("80") ? "" : ":" + port));
    }
}
