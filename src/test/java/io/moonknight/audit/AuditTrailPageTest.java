package io.moonknight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.ConsoleSession;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The audit trail pages read their filters leniently: what they do not understand shows everything, never an error. */
@IntegrationTest
class AuditTrailPageTest {

    @LocalServerPort
    int port;

    @Test
    void garbageFiltersAreIgnoredAndStrangeRangesMatchNothingWithoutAnError() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        var console = ConsoleSession.admin(api, tenant.slug());

        var garbage = console.page("/audit?from=yesterday&to=2026-13-45&page=x&targetType=&q=");
        assertThat(garbage.status()).as(garbage.toString()).isEqualTo(200);
        assertThat(garbage.body())
                .contains("id=\"audit-table\"", "<code>")
                .doesNotContain("No entries match these filters.")
                .doesNotContain("value=\"yesterday\"");

        var beyond = console.page("/audit?from=%2B10000-01-01&to=-0001-01-01");
        assertThat(beyond.status()).as(beyond.toString()).isEqualTo(200);
        assertThat(beyond.body()).contains("<code>");

        var widest = console.page("/audit?from=0001-01-01&to=9999-12-31");
        assertThat(widest.status()).as(widest.toString()).isEqualTo(200);
        assertThat(widest.body()).contains("<code>", "value=\"9999-12-31\"");

        var reversed = console.page("/audit?from=2030-05-01&to=2020-01-01");
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        assertThat(reversed.body()).contains("No entries match these filters.");

        var prefix = console.page("/audit?action=" + "u".repeat(300));
        assertThat(prefix.status()).isEqualTo(200);
        assertThat(prefix.body()).contains("No entries match these filters.");

        var csv = console.page("/audit/export?from=garbage&to=9999-12-31&action=%00");
        assertThat(csv.status()).as(csv.toString()).isIn(200, 400);

        var operator = ConsoleSession.operator(api);
        var platform = operator.page("/platform/audit?from=garbage&to=1999-99-99&page=-3");
        assertThat(platform.status()).as(platform.toString()).isEqualTo(200);
        assertThat(platform.body()).contains("<code>");
        assertThat(operator.page("/platform/audit/export?from=9999-12-31&to=0001-01-01")
                        .status())
                .isEqualTo(200);
    }
}
