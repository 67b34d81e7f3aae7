package io.moonknight.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestData;
import io.moonknight.testsupport.TestTenants;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A lead whose subscription is activated becomes an active customer; a pending subscription leaves it a lead. */
@IntegrationTest
class LeadActivationTest {

    @LocalServerPort
    int port;

    @Test
    void activatingALeadsSubscriptionMakesTheLeadAnActiveCustomer() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        String token = tenant.adminToken();
        var data = new TestData(api, token);
        String plan = data.monthlyPlan("HOME", "Home", "10");
        String lead = data.customer("Lead", "LEAD", "+8801711000011");
        String suspended = data.customer("Suspended", "SUSPENDED", "+8801711000012");

        String pending = data.pppoe(lead, plan, "lead-user", false);
        data.pppoe(suspended, plan, "suspended-user", true);
        assertThat(status(api, token, lead))
                .as("a pending subscription does not serve the lead yet")
                .isEqualTo("LEAD");

        var activated = api.post("/api/v1/subscriptions/" + pending + "/activate", null, token);
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(status(api, token, lead)).isEqualTo("ACTIVE"));
        assertThat(status(api, token, suspended))
                .as("only a lead is promoted; a status staff set otherwise stays")
                .isEqualTo("SUSPENDED");
    }

    private static String status(Api api, String token, String customer) {
        return api.get("/api/v1/customers/" + customer, token).text("status");
    }
}
