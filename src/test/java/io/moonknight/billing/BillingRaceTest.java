package io.moonknight.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Money moved by many requests at once: never more than there is, never twice. */
@IntegrationTest
class BillingRaceTest {

    @LocalServerPort
    int port;

    Api api;
    TestTenants.TenantFixture tenant;
    String customer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = new TestTenants(api).create();
        customer = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Race",
                                "lastName",
                                "Condition",
                                "phones",
                                List.of("+8801711000001")),
                        tenant.adminToken())
                .text("id");
    }

    /** Runs {@code call} from {@code n} threads released together; returns the HTTP statuses. */
    private static List<Integer> race(int n, Callable<Api.Response> call) throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(n)) {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var future : futures) {
                statuses.add(future.get().status());
            }
            return statuses;
        }
    }

    @Test
    void concurrentRefundsNeverPayBackMoreThanTheCredit() throws Exception {
        String payment = api.post(
                        "/api/v1/payments",
                        Map.of("customerId", customer, "amount", "1000", "method", "CASH"),
                        tenant.adminToken())
                .text("id");
        var statuses = race(
                12,
                () -> api.post(
                        "/api/v1/payments/" + payment + "/refunds",
                        Map.of("amount", "200", "method", "CASH", "reason", "race"),
                        tenant.adminToken()));
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(5);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(7);
        var after = api.get("/api/v1/payments/" + payment, tenant.adminToken()).json();
        assertThat(after.path("refunded").decimalValue()).isEqualByComparingTo("1000");
        assertThat(after.path("unallocated").decimalValue()).isEqualByComparingTo("0");
        assertThat(api.get("/api/v1/customers/" + customer + "/ledger", tenant.adminToken())
                        .json()
                        .path("balance")
                        .decimalValue())
                .isEqualByComparingTo("0");
    }

    @Test
    void anInvoiceVoidedByManyAtOnceGetsOneCreditNote() throws Exception {
        String invoice = api.post(
                        "/api/v1/customers/" + customer + "/charges",
                        Map.of("kind", "DEVICE", "description", "Router", "unitPrice", "900", "invoiceNow", true),
                        tenant.adminToken())
                .text("invoiceId");
        var statuses = race(
                8,
                () -> api.post("/api/v1/invoices/" + invoice + "/void", Map.of("reason", "race"), tenant.adminToken()));
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(7);
        var ledger = api.get("/api/v1/customers/" + customer + "/ledger", tenant.adminToken())
                .json();
        assertThat(ledger.path("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(ledger.path("entries").findValuesAsString("kind")).containsExactly("INVOICE", "CREDIT_NOTE");
    }

    @Test
    void aDraftIssuedByManyAtOnceGetsOneNumber() throws Exception {
        String draft = api.post(
                        "/api/v1/invoices",
                        Map.of(
                                "customerId",
                                customer,
                                "lines",
                                List.of(Map.of("description", "Work", "unitPrice", "80"))),
                        tenant.adminToken())
                .text("id");
        var statuses = race(8, () -> api.post("/api/v1/invoices/" + draft + "/issue", null, tenant.adminToken()));
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(7);
        assertThat(api.get("/api/v1/invoices/" + draft, tenant.adminToken()).text("number"))
                .endsWith("-000001");
        assertThat(api.get("/api/v1/customers/" + customer + "/ledger", tenant.adminToken())
                        .json()
                        .path("entries")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void pendingChargesAreInvoicedOnceHoweverManyAskAtOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            api.post(
                    "/api/v1/customers/" + customer + "/charges",
                    Map.of("kind", "DEVICE", "description", "Router " + i, "unitPrice", "100"),
                    tenant.adminToken());
        }
        var statuses = race(
                8, () -> api.post("/api/v1/customers/" + customer + "/charges/invoice", null, tenant.adminToken()));
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(7);
        var invoices = api.get("/api/v1/invoices?customerId=" + customer, tenant.adminToken())
                .json()
                .path("items");
        assertThat(invoices.size()).isEqualTo(1);
        assertThat(invoices.get(0).path("total").decimalValue()).isEqualByComparingTo("300");
    }
}
