package io.moonknight.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.ConsoleSession;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestData;
import io.moonknight.testsupport.TestTenants;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Taking money, giving it back, voiding and tax exemptions are separate permissions: for each money endpoint, a role
 * with only the permission it needs succeeds and a role with every other billing permission gets 403.
 */
@IntegrationTest
class MoneyPermissionsTest {

    private static final AtomicInteger PHONES = new AtomicInteger();

    /** Every billing permission; a role "lacking" one holds all the others. */
    private static final Set<String> BILLING = Set.of(
            "billing:read",
            "billing:write",
            "billing:run",
            "billing:settings",
            "payments:record",
            "payments:refund",
            "invoices:void",
            "billing:tax-exempt");

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api api;
    TestTenants tenants;
    TestTenants.TenantFixture tenant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenants = new TestTenants(api);
        tenant = tenants.create();
    }

    /** A money endpoint: the permissions it needs, and a request made against fresh data with a token. */
    record MoneyEndpoint(String name, Set<String> needs, Function<String, Api.Response> call) {}

    private String customer() {
        int n = PHONES.incrementAndGet();
        return new TestData(api, tenant.adminToken())
                .customer("Money" + n, "ACTIVE", "+8801911" + String.format("%06d", n % 1_000_000));
    }

    private String paymentOf(String customer, String amount) {
        var payment = api.post(
                "/api/v1/payments",
                Map.of("customerId", customer, "amount", amount, "method", "CASH"),
                tenant.adminToken());
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
        return payment.text("id");
    }

    private String draftFor(String customer) {
        var draft = api.post(
                "/api/v1/invoices",
                Map.of("customerId", customer, "lines", List.of(Map.of("description", "Survey", "unitPrice", "100"))),
                tenant.adminToken());
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        return draft.text("id");
    }

    private Map<String, Object> account(boolean taxExempt, String taxId) {
        return Map.of(
                "paymentTermsDays",
                7,
                "autoRenew",
                true,
                "neverSuspend",
                false,
                "taxExempt",
                taxExempt,
                "taxId",
                taxId);
    }

    private List<MoneyEndpoint> endpoints() {
        return List.of(
                new MoneyEndpoint(
                        "record a payment",
                        Set.of("payments:record"),
                        token -> api.post(
                                "/api/v1/payments",
                                Map.of("customerId", customer(), "amount", "20", "method", "CASH"),
                                token)),
                new MoneyEndpoint(
                        "refund",
                        Set.of("payments:refund"),
                        token -> api.post(
                                "/api/v1/payments/" + paymentOf(customer(), "50") + "/refunds",
                                Map.of("amount", "10", "method", "CASH", "reason", "Moved away"),
                                token)),
                new MoneyEndpoint(
                        "void an invoice",
                        Set.of("invoices:void"),
                        token -> api.post(
                                "/api/v1/invoices/" + draftFor(customer()) + "/void",
                                Map.of("reason", "Mistake"),
                                token)),
                new MoneyEndpoint(
                        "make a customer tax exempt",
                        Set.of("billing:write", "billing:tax-exempt"),
                        token -> api.put(
                                "/api/v1/customers/" + customer() + "/billing-account",
                                account(true, "BIN-000123456"),
                                token)),
                new MoneyEndpoint(
                        "change an exempt customer's tax id", Set.of("billing:write", "billing:tax-exempt"), token -> {
                            String customer = customer();
                            var exempt = api.put(
                                    "/api/v1/customers/" + customer + "/billing-account",
                                    account(true, "BIN-1"),
                                    tenant.adminToken());
                            assertThat(exempt.status()).as(exempt.toString()).isEqualTo(200);
                            return api.put(
                                    "/api/v1/customers/" + customer + "/billing-account",
                                    account(true, "BIN-2"),
                                    token);
                        }),
                new MoneyEndpoint(
                        "add a charge",
                        Set.of("billing:write"),
                        token -> api.post(
                                "/api/v1/customers/" + customer() + "/charges",
                                Map.of("kind", "DEVICE", "description", "ONU", "unitPrice", "1500"),
                                token)),
                new MoneyEndpoint(
                        "issue an invoice",
                        Set.of("billing:write"),
                        token -> api.post("/api/v1/invoices/" + draftFor(customer()) + "/issue", null, token)),
                new MoneyEndpoint(
                        "start a billing run",
                        Set.of("billing:run"),
                        token -> api.post("/api/v1/billing-runs", Map.of("dryRun", true), token)));
    }

    @Test
    void eachMoneyEndpointNeedsItsOwnPermissionAndNoOther() {
        for (MoneyEndpoint endpoint : endpoints()) {
            var holder = tenants.userWith(tenant, endpoint.needs());
            var allowed = endpoint.call().apply(holder.token());
            assertThat(allowed.status())
                    .as("%s with only %s: %s", endpoint.name(), endpoint.needs(), allowed)
                    .isBetween(200, 299);

            for (String missing : endpoint.needs()) {
                Set<String> others = new HashSet<>(BILLING);
                others.remove(missing);
                var lacking = tenants.userWith(tenant, others);
                var refused = endpoint.call().apply(lacking.token());
                assertThat(refused.status())
                        .as("%s without %s: %s", endpoint.name(), missing, refused)
                        .isEqualTo(403);
                assertThat(refused.isProblem()).isTrue();
            }
        }
    }

    @Test
    void aBillingWriterWhoMayNotExemptStillChangesTheRestOfTheAccount() {
        var clerk = tenants.userWith(tenant, Set.of("billing:read", "billing:write"));
        String customer = customer();
        var terms =
                api.put("/api/v1/customers/" + customer + "/billing-account", account(false, "BIN-9"), clerk.token());
        assertThat(terms.status())
                .as("the tax id of a customer who pays tax is ordinary billing data: %s", terms)
                .isEqualTo(200);
        var exempt =
                api.put("/api/v1/customers/" + customer + "/billing-account", account(true, "BIN-9"), clerk.token());
        assertThat(exempt.status()).isEqualTo(403);
        assertThat(exempt.text("permission")).isEqualTo("billing:tax-exempt");
        assertThat(api.get("/api/v1/customers/" + customer + "/billing-account", clerk.token())
                        .json()
                        .path("taxExempt")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void theConsoleKeepsTheExemptionOfAnAccountSavedByAClerkWhoMayNotChangeIt() {
        String customer = customer();
        assertThat(api.put(
                                "/api/v1/customers/" + customer + "/billing-account",
                                account(true, "BIN-1"),
                                tenant.adminToken())
                        .status())
                .isEqualTo(200);
        var clerk = tenants.userWith(tenant, Set.of("billing:read", "billing:write", "customers:read"));
        var console = ConsoleSession.login(api, tenant.slug(), clerk.username());
        String tab = console.page("/billing/for-customer/" + customer).body();
        assertThat(tab).containsPattern("id=\"taxExempt\"[^>]*disabled").containsPattern("id=\"taxId\"[^>]*readonly");

        // The disabled checkbox is not sent; a tampered tax id is ignored: the exemption stays as it was.
        var saved = console.submit(
                "/billing/for-customer/" + customer,
                "/billing/for-customer/" + customer + "/account",
                Map.of("paymentTermsDays", "14", "taxId", "BIN-2"));
        assertThat(saved.status()).isEqualTo(302);
        var account = api.get("/api/v1/customers/" + customer + "/billing-account", tenant.adminToken())
                .json();
        assertThat(account.path("paymentTermsDays").asInt()).isEqualTo(14);
        assertThat(account.path("taxExempt").asBoolean()).isTrue();
        assertThat(account.path("taxId").asString()).isEqualTo("BIN-1");
    }

    @Test
    void aCashierRecordsPaymentsButCannotRefundOrVoidAndTheConsoleShowsOnlyWhatTheyMayDo() {
        var cashier = tenants.userWith(tenant, Set.of("billing:read", "payments:record"));
        String customer = customer();
        var payment = api.post(
                "/api/v1/payments", Map.of("customerId", customer, "amount", "500", "method", "CASH"), cashier.token());
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
        var refund = api.post(
                "/api/v1/payments/" + payment.text("id") + "/refunds",
                Map.of("amount", "10", "method", "CASH", "reason", "Oops"),
                cashier.token());
        assertThat(refund.status()).isEqualTo(403);
        String draft = draftFor(customer);
        var issued = api.post("/api/v1/invoices/" + draft + "/issue", null, tenant.adminToken());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        String other = customer();
        String unpaid = draftFor(other);
        assertThat(api.post("/api/v1/invoices/" + unpaid + "/issue", null, tenant.adminToken())
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/invoices/" + unpaid + "/void", Map.of("reason", "x"), cashier.token())
                        .status())
                .isEqualTo(403);

        var console = ConsoleSession.login(api, tenant.slug(), cashier.username());
        String tab = console.page("/billing/for-customer/" + customer).body();
        assertThat(tab)
                .contains("id=\"payment-form\"")
                .doesNotContain("refund-form")
                .doesNotContain("charge-form");
        assertThat(console.page("/billing/invoices/" + unpaid).body()).doesNotContain("/void");
        var consoleVoid = console.submit(
                "/billing/invoices/" + unpaid, "/billing/invoices/" + unpaid + "/void", Map.of("reason", "x"));
        assertThat(consoleVoid.status()).isEqualTo(403);

        var admin = ConsoleSession.admin(api, tenant.slug());
        assertThat(admin.page("/billing/for-customer/" + customer).body()).contains("refund-form");
        assertThat(admin.page("/billing/invoices/" + unpaid).body()).contains("/void");
    }

    @Test
    void theMigrationGivesARoleOrKeyThatCouldWriteBillingTheNewMoneyPermissions() throws Exception {
        var writer = api.post(
                "/api/v1/roles",
                Map.of("name", "Old clerk", "permissions", List.of("billing:read", "billing:write")),
                tenant.adminToken());
        var reader = api.post(
                "/api/v1/roles",
                Map.of("name", "Old reader", "permissions", List.of("billing:read")),
                tenant.adminToken());
        var key = api.post(
                "/api/v1/api-keys",
                Map.of("name", "Old till", "scopes", List.of("billing:read", "billing:write")),
                tenant.adminToken());
        // As the roles and keys were before: billing:write alone stood for taking and giving back money.
        jdbc.sql("update identity.roles set permissions = array['billing:read', 'billing:write'] where id = :id")
                .param("id", java.util.UUID.fromString(writer.text("id")))
                .update();
        jdbc.sql("update identity.api_keys set scopes = array['billing:read', 'billing:write'] where id = :id")
                .param(
                        "id",
                        java.util.UUID.fromString(
                                key.json().path("key").path("id").asString()))
                .update();

        String script = new String(
                        new org.springframework.core.io.ClassPathResource(
                                        "db/migration/identity/V4__money_permissions.sql")
                                .getInputStream()
                                .readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replace("update roles", "update identity.roles")
                .replace("update api_keys", "update identity.api_keys")
                .replace("where ", "where tenant_id = '" + tenant.id() + "' and "); // this test's tenant only
        for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }

        List<String> money = List.of("payments:record", "payments:refund", "invoices:void", "billing:tax-exempt");
        assertThat(jdbc.sql("select permissions from identity.roles where id = :id")
                        .param("id", java.util.UUID.fromString(writer.text("id")))
                        .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
                        .single())
                .containsAll(money)
                .contains("billing:write", "billing:read")
                .doesNotHaveDuplicates();
        assertThat(jdbc.sql("select permissions from identity.roles where id = :id")
                        .param("id", java.util.UUID.fromString(reader.text("id")))
                        .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
                        .single())
                .containsExactly("billing:read");
        assertThat(jdbc.sql("select scopes from identity.api_keys where id = :id")
                        .param(
                                "id",
                                java.util.UUID.fromString(
                                        key.json().path("key").path("id").asString()))
                        .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
                        .single())
                .containsAll(money);
    }

    @Test
    void theBillingRoleAndAdminHoldTheNewPermissions() {
        var roles = api.get("/api/v1/roles", tenant.adminToken()).json().path("items");
        List<String> billing = new java.util.ArrayList<>();
        List<String> admin = new java.util.ArrayList<>();
        List<String> support = new java.util.ArrayList<>();
        roles.forEach(role -> {
            List<String> target = switch (role.path("builtIn").asString()) {
                case "BILLING" -> billing;
                case "ADMIN" -> admin;
                case "SUPPORT" -> support;
                default -> new java.util.ArrayList<>();
            };
            role.path("permissions").forEach(p -> target.add(p.asString()));
        });
        List<String> money = List.of("payments:record", "payments:refund", "invoices:void", "billing:tax-exempt");
        assertThat(billing).containsAll(money);
        assertThat(admin).containsAll(money);
        assertThat(support).doesNotContainAnyElementsOf(money);
    }
}
