package io.moonknight.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        String plan = plan(api, token);
        String lead = customer(api, token, "LEAD", "+8801711000011");
        String suspended = customer(api, token, "SUSPENDED", "+8801711000012");

        String pending = subscription(api, token, lead, plan, "lead-user", false);
        subscription(api, token, suspended, plan, "suspended-user", true);
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

    private static String customer(Api api, String token, String status, String phone) {
        var created = api.post(
                "/api/v1/customers",
                Map.of(
                        "type",
                        "INDIVIDUAL",
                        "firstName",
                        "Lee",
                        "lastName",
                        status,
                        "status",
                        status,
                        "phones",
                        List.of(phone)),
                token);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private static String plan(Api api, String token) {
        var created = api.post(
                "/api/v1/plans",
                Map.of(
                        "code",
                        "HOME",
                        "name",
                        "Home",
                        "billingType",
                        "MONTHLY_POSTPAID",
                        "price",
                        "10",
                        "downloadKbps",
                        10000,
                        "uploadKbps",
                        10000),
                token);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private static String subscription(
            Api api, String token, String customer, String plan, String username, boolean activate) {
        var created = api.post(
                "/api/v1/subscriptions",
                Map.of(
                        "customerId",
                        customer,
                        "planId",
                        plan,
                        "activate",
                        activate,
                        "service",
                        Map.of("accessType", "PPPOE", "username", username, "password", "secret-pass-1")),
                token);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }
}
