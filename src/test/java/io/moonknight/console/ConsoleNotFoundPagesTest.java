package io.moonknight.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.ConsoleSession;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestData;
import io.moonknight.testsupport.TestTenants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every console detail page answers an unknown, another tenant's or a malformed id with a 404 page inside the
 * normal layout (sidebar and all), never a 500. Plain HTTP with a console session cookie, no browser.
 */
@IntegrationTest
class ConsoleNotFoundPagesTest {

    @LocalServerPort
    int port;

    @Test
    void detailPagesAnswerUnknownForeignAndMalformedIdsWith404InsideTheLayout() {
        var api = new Api(port);
        var tenants = new TestTenants(api);
        var mine = tenants.create();
        var other = tenants.create();
        Map<String, String> foreign = foreignResources(api, tenants, other);
        var session = ConsoleSession.admin(api, mine.slug());

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("customer", "/customers/%s");
        pages.put("customer edit", "/customers/%s/edit");
        pages.put("subscription", "/subscriptions/%s");
        pages.put("subscription edit", "/subscriptions/%s/edit");
        pages.put("invoice", "/billing/invoices/%s");
        pages.put("plan", "/plans/%s");
        pages.put("plan edit", "/plans/%s/edit");
        pages.put("pool", "/network/pools/%s");
        pages.put("pool edit", "/network/pools/%s/edit");
        pages.put("vlan edit", "/network/vlans/%s/edit");
        pages.put("nas edit", "/network/nas/%s/edit");
        pages.put("user", "/users/%s");
        pages.put("role", "/roles/%s");

        for (var page : pages.entrySet()) {
            String kind = page.getKey().split(" ")[0];
            var ids = new LinkedHashMap<String, String>();
            ids.put("unknown", UUID.randomUUID().toString());
            ids.put("malformed", "not-a-uuid");
            if (foreign.containsKey(kind)) {
                ids.put("foreign", foreign.get(kind));
            }
            for (var id : ids.entrySet()) {
                String path = page.getValue().formatted(id.getValue());
                var response = session.page(path);
                assertThat(response.status())
                        .as(id.getKey() + " " + page.getKey() + " " + path)
                        .isEqualTo(404);
                assertThat(response.body())
                        .as("the 404 page of " + path + " keeps the layout")
                        .contains("id=\"sidebar\"", "data-nav=\"/customers\"", "This page does not exist");
            }
        }
    }

    @Test
    void aListFilterOrPageThePageDoesNotKnowShowsTheListInsteadOfAnError() {
        var api = new Api(port);
        var mine = new TestTenants(api).create();
        var session = ConsoleSession.admin(api, mine.slug());

        for (String path : List.of(
                "/customers?status=NOPE&page=x",
                "/subscriptions?status=NOPE&access=FIBRE",
                "/plans?type=NOPE",
                "/network/vlans?scope=NOPE&page=-3",
                "/billing/invoices?status=NOPE")) {
            var response = session.page(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("yet.");
        }
    }

    @Test
    void anUnknownAddressInTheConsoleAlsoKeepsTheSidebar() {
        var api = new Api(port);
        var tenants = new TestTenants(api);
        var mine = tenants.create();
        var session = ConsoleSession.admin(api, mine.slug());

        var response = session.page("/no-such-page");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("id=\"sidebar\"", "data-nav=\"/customers\"");
    }

    private static Map<String, String> foreignResources(Api api, TestTenants tenants, TestTenants.TenantFixture b) {
        String token = b.adminToken();
        var data = new TestData(api, token);
        String customer = data.customer("Bee", "LEAD", "+8801711000001");
        String pool = data.create(
                "/api/v1/ip-pools", Map.of("name", "B pool", "prefix", "10.77.0.0/24", "purpose", "STATIC"));
        String vlan = data.create(
                "/api/v1/vlans",
                Map.of("name", "B", "scopeType", "AREA", "scopeName", "B", "cVlan", 77, "mode", "SHARED"));
        String nas = data.create(
                "/api/v1/nas",
                Map.of(
                        "name",
                        "B NAS",
                        "vendor",
                        "MIKROTIK",
                        "address",
                        "10.77.0.1",
                        "secret",
                        "b-secret-" + java.util.UUID.randomUUID()));
        String plan = data.monthlyPlan("B", "B", "1");
        String subscription = data.pppoe(customer, plan, "b-user", true);
        api.post(
                "/api/v1/customers/" + customer + "/charges",
                Map.of("kind", "DEVICE", "description", "B's router", "unitPrice", "900"),
                token);
        var invoiced = api.post("/api/v1/customers/" + customer + "/charges/invoice", null, token);
        assertThat(invoiced.status()).as(invoiced.toString()).isLessThan(300);
        String invoice = invoiced.text("id");
        var user = tenants.userWith(b, Set.of("tenant:read"));
        String role = api.get("/api/v1/users/" + user.id(), token)
                .json()
                .path("roles")
                .get(0)
                .path("id")
                .asString();
        return Map.of(
                "customer", customer,
                "subscription", subscription,
                "invoice", invoice,
                "plan", plan,
                "pool", pool,
                "vlan", vlan,
                "nas", nas,
                "user", user.id().toString(),
                "role", role);
    }
}
