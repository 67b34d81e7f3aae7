package io.moonknight.subscriptions.internal;

import io.moonknight.shared.security.SecretBox;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.subscriptions.AccessProfile;
import io.moonknight.subscriptions.AccessType;
import io.moonknight.subscriptions.IpMode;
import io.moonknight.subscriptions.SubscriberAccess;
import io.moonknight.subscriptions.SubscriptionStatus;
import io.moonknight.subscriptions.domain.Cycles;
import io.moonknight.subscriptions.domain.MacAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The RADIUS hot path: one indexed query per lookup, no entity loading. */
@Component
class SubscriberAccessQueries implements SubscriberAccess {

    private static final String COLUMNS = """
        select id, tenant_id, customer_id, plan_id, status, access_type, username, password_sealed, mac_address,
               ipv4_mode, ipv4_pool_id, ipv4_address, ipv6_mode, ipv6_pool_id, ipv6_prefix, vlan_id, nas_id,
               start_date, expires_on
        from subscriptions.subscriptions
        """;
    private static final String CURRENT_FIRST = " order by (status = 'TERMINATED'), created_at desc limit 1";

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final java.time.Clock clock;

    private final io.moonknight.tenancy.TenantDirectory tenants;

    SubscriberAccessQueries(
            JdbcClient jdbc, SecretBox box, java.time.Clock clock, io.moonknight.tenancy.TenantDirectory tenants) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.box = box;
        this.clock = clock;
    }

    @Override
    public Optional<AccessProfile> byUsername(String username) {
        java.time.LocalDate today = today();
        return jdbc.sql(COLUMNS + " where tenant_id = :tenant and lower(username) = :username" + CURRENT_FIRST)
                .param("tenant", TenantContext.require())
                .param("username", username.toLowerCase(Locale.ROOT))
                .query((row, n) -> profile(row, today))
                .optional();
    }

    @Override
    public Optional<AccessProfile> byMac(String mac) {
        String normal;
        try {
            normal = MacAddress.normalise(mac);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        java.time.LocalDate today = today();
        return jdbc.sql(COLUMNS + " where tenant_id = :tenant and mac_address = :mac" + CURRENT_FIRST)
                .param("tenant", TenantContext.require())
                .param("mac", normal)
                .query((row, n) -> profile(row, today))
                .optional();
    }

    @Override
    public Optional<AccessProfile> bySubscription(UUID subscriptionId) {
        java.time.LocalDate today = today();
        return jdbc.sql(COLUMNS + " where tenant_id = :tenant and id = :id")
                .param("tenant", TenantContext.require())
                .param("id", subscriptionId)
                .query((row, n) -> profile(row, today))
                .optional();
    }

    @Override
    public java.util.List<io.moonknight.subscriptions.AccessChange> changedSince(java.time.Instant since) {
        return jdbc.sql("""
            select tenant_id, id, username, mac_address, updated_at from subscriptions.subscriptions
            where updated_at > :since
            """)
                .param("since", java.sql.Timestamp.from(since))
                .query((row, n) -> new io.moonknight.subscriptions.AccessChange(
                        row.getObject("tenant_id", UUID.class),
                        row.getObject("id", UUID.class),
                        row.getString("username"),
                        row.getString("mac_address"),
                        row.getTimestamp("updated_at").toInstant()))
                .list();
    }

    /** Today where the tenant is (asked before a query, never while its connection is held). */
    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(tenants.zone(TenantContext.require())));
    }

    private AccessProfile profile(ResultSet row, java.time.LocalDate today) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        String sealed = row.getString("password_sealed");
        var expires = row.getObject("expires_on", java.time.LocalDate.class);
        var start = row.getObject("start_date", java.time.LocalDate.class);
        return new AccessProfile(
                row.getObject("tenant_id", UUID.class),
                id,
                row.getObject("customer_id", UUID.class),
                row.getObject("plan_id", UUID.class),
                SubscriptionStatus.valueOf(row.getString("status")),
                AccessType.valueOf(row.getString("access_type")),
                row.getString("username"),
                sealed == null ? null : box.open(sealed, SubscriptionService.passwordContext(id)),
                row.getString("mac_address"),
                IpMode.valueOf(row.getString("ipv4_mode")),
                row.getObject("ipv4_pool_id", UUID.class),
                row.getString("ipv4_address"),
                IpMode.valueOf(row.getString("ipv6_mode")),
                row.getObject("ipv6_pool_id", UUID.class),
                row.getString("ipv6_prefix"),
                row.getObject("vlan_id", UUID.class),
                row.getObject("nas_id", UUID.class),
                start,
                Cycles.currentCycleStart(start, today),
                expires);
    }
}
