package io.moonknight.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.ConsoleSession;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Console controllers that take a ZoneId get the tenant's timezone, not the server's (UTC). */
@IntegrationTest
class TenantZoneTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aKeyExpiringOnADateExpiresAtTheEndOfThatDayInTheTenantsTimezone() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        var console = ConsoleSession.admin(api, tenant.slug());
        LocalDate day = LocalDate.now(TestTenants.ZONE).plusDays(10);

        var created = console.submit(
                "/settings/api-keys",
                "/settings/api-keys",
                Map.of("name", "Zone check", "scopes", "users:read", "expiresOn", day.toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);

        Instant expiresAt = jdbc.sql(
                        "select expires_at from identity.api_keys where tenant_id = :tenant and name = :name")
                .param("tenant", tenant.id())
                .param("name", "Zone check")
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        assertThat(expiresAt)
                .isEqualTo(day.plusDays(1).atStartOfDay(TestTenants.ZONE).toInstant());
    }
}
