package io.moonknight.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.moonknight.billing.DunningEvent;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The ladder end to end, the clock moved by passing the date: reminders, suspension, payment, resumption. */
@IntegrationTest
@RecordApplicationEvents
class DunningTest {

    @LocalServerPort
    int port;

    @Autowired
    Dunning dunning;

    @Autowired
    ApplicationEvents events;

    @Autowired
    io.moonknight.radius.internal.RadiusServer radius;

    /** Sends an accounting packet with Debian's radclient; returns what it printed. */
    private String accounting(String secret, String attributes) throws Exception {
        var process = new ProcessBuilder(
                        "/usr/bin/radclient",
                        "-x",
                        "-r",
                        "1",
                        "-t",
                        "1",
                        "127.0.0.1:" + radius.acctPort(),
                        "acct",
                        secret)
                .redirectErrorStream(true)
                .start();
        try (var in = process.getOutputStream()) {
            in.write(attributes.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void remindersThenSuspensionWithRadiusDisconnectThenPaymentResumes() throws Exception {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        String secret = "dun-" + java.util.UUID.randomUUID().toString().substring(0, 12);
        var nas = new io.moonknight.radius.NasStandIn(secret);
        var device = Map.<String, Object>of(
                "name", "BRAS", "vendor", "MIKROTIK", "address", "127.0.0.1", "secret", secret, "coaPort", nas.port());
        assertThat(api.post("/api/v1/nas", device, tenant.adminToken()).status())
                .isEqualTo(201);
        String plan = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "D",
                                "name",
                                "Dunned",
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                "1000",
                                "downloadKbps",
                                10_000,
                                "uploadKbps",
                                5_000),
                        tenant.adminToken())
                .text("id");
        String late = customer(api, tenant, "late", plan);
        String spared = customer(api, tenant, "spared", plan);
        assertThat(api.post("/api/v1/billing-runs", Map.of("awaitCompletion", true), tenant.adminToken())
                        .json()
                        .path("invoiced")
                        .asInt())
                .isEqualTo(2);
        var excluded = api.put(
                "/api/v1/customers/" + spared + "/billing-account",
                Map.of("paymentTermsDays", 7, "autoRenew", true, "neverSuspend", true),
                tenant.adminToken());
        assertThat(excluded.status()).as(excluded.toString()).isEqualTo(200);
        var invoice = api.get("/api/v1/invoices?customerId=" + late, tenant.adminToken())
                .json()
                .path("items")
                .get(0);
        LocalDate due = LocalDate.parse(invoice.path("dueOn").asString());
        String subscription = api.get("/api/v1/subscriptions?customerId=" + late, tenant.adminToken())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();

        assertThat(run(tenant, due.minusDays(4))).isZero();
        assertThat(run(tenant, due.minusDays(3))).as("the reminder, for both").isEqualTo(2);
        assertThat(run(tenant, due.minusDays(3))).as("once").isZero();
        assertThat(run(tenant, due.plusDays(1))).as("overdue").isEqualTo(2);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(accounting(
                                secret, "User-Name = dun-late, Acct-Session-Id = LATE-1, Acct-Status-Type = Start"))
                        .as("the late customer is online")
                        .contains("Accounting-Response"));
        assertThat(run(tenant, due.plusDays(7))).as("suspend step").isEqualTo(2);
        assertThat(status(api, tenant, subscription)).isEqualTo("SUSPENDED");
        var disconnect = nas.next(10);
        assertThat(disconnect)
                .as("RADIUS asked the NAS to disconnect the session")
                .isNotNull();
        assertThat(disconnect.code()).isEqualTo(40);
        assertThat(disconnect.signedCorrectly()).isTrue();
        assertThat(disconnect.text(1)).isEqualTo("dun-late");
        assertThat(disconnect.text(44)).isEqualTo("LATE-1");
        assertThat(nas.next(1)).as("nothing for the spared customer").isNull();
        nas.close();
        assertThat(events.stream(DunningEvent.class)
                        .filter(e -> e.step().customerId().toString().equals(late))
                        .map(e -> e.getClass().getSimpleName()))
                .containsExactly("PaymentReminderDue", "AccountOverdue", "AccountSuspended");
        assertThat(events.stream(DunningEvent.AccountSuspended.class)
                        .filter(e -> e.step().customerId().toString().equals(spared))
                        .map(DunningEvent.AccountSuspended::spared))
                .containsExactly(true);
        String sparedSubscription = api.get("/api/v1/subscriptions?customerId=" + spared, tenant.adminToken())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        assertThat(status(api, tenant, sparedSubscription)).as("never suspend").isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(api.get("/api/v1/customers/" + late + "/history?size=50", tenant.adminToken())
                                        .json()
                                        .path("items")
                                        .findValuesAsString("kind"))
                                .contains(
                                        "billing.payment-reminder-due",
                                        "billing.dunning-reminder",
                                        "billing.dunning-suspend",
                                        "subscription.suspended"));

        var paid = api.post(
                "/api/v1/payments",
                Map.of("customerId", late, "amount", invoice.path("total").asString(), "method", "CASH"),
                tenant.adminToken());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(status(api, tenant, subscription))
                        .as("resumed by the payment (PaymentReceived)")
                        .isEqualTo("ACTIVE"));
        assertThat(run(tenant, due.plusDays(30)))
                .as("a paid invoice goes no further")
                .isEqualTo(1);
        assertThat(status(api, tenant, subscription)).isEqualTo("ACTIVE");
        assertThat(status(api, tenant, sparedSubscription)).isEqualTo("ACTIVE");
    }

    private int run(TestTenants.TenantFixture tenant, LocalDate day) {
        return TenantContext.call(tenant.id(), () -> dunning.run(day));
    }

    private static String status(Api api, TestTenants.TenantFixture tenant, String subscription) {
        return api.get("/api/v1/subscriptions/" + subscription, tenant.adminToken())
                .text("status");
    }

    private static String customer(Api api, TestTenants.TenantFixture tenant, String name, String plan) {
        String customer = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Dun",
                                "lastName",
                                name,
                                "phones",
                                List.of(name.equals("late") ? "+8801711000001" : "+8801711000002")),
                        tenant.adminToken())
                .text("id");
        api.post(
                "/api/v1/subscriptions",
                Map.of(
                        "customerId",
                        customer,
                        "planId",
                        plan,
                        "activate",
                        true,
                        "service",
                        Map.of(
                                "accessType",
                                "PPPOE",
                                "username",
                                "dun-" + name,
                                "startDate",
                                TestTenants.today().minusMonths(3).toString())),
                tenant.adminToken());
        return customer;
    }
}
