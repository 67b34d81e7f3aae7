package io.moonknight.shared.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestData;
import io.moonknight.testsupport.TestTenants;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotency keys on money-moving POSTs, through HTTP against the real database (Stripe's semantics). */
@IntegrationTest
class IdempotencyKeyTest {

    private static final AtomicInteger PHONES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdempotencyKeyPurge purge;

    Api api;
    TestTenants tenants;
    TestTenants.TenantFixture tenant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenants = new TestTenants(api);
        tenant = tenants.create();
    }

    private String customer(TestTenants.TenantFixture owner) {
        return new TestData(api, owner.adminToken())
                .customer(
                        "Payer" + PHONES.incrementAndGet(),
                        "ACTIVE",
                        "+8801811" + String.format("%06d", PHONES.get() % 1_000_000));
    }

    private static Map<String, Object> payment(String customer, String amount) {
        return Map.of("customerId", customer, "amount", amount, "method", "CASH", "reference", "TRX-1");
    }

    private Api.Response pay(String token, Map<String, Object> body, String key) {
        return api.send(
                "POST", "/api/v1/payments", Api.JSON.writeValueAsString(body), token, Map.of("Idempotency-Key", key));
    }

    private int payments(TestTenants.TenantFixture owner, String customer) {
        return api.get("/api/v1/payments?customerId=" + customer, owner.adminToken())
                .json()
                .path("totalItems")
                .asInt();
    }

    @Test
    void theSameKeyAndBodyTwiceRecordOnePaymentAndReplayTheFirstAnswer() {
        String customer = customer(tenant);
        String key = UUID.randomUUID().toString();
        var first = pay(tenant.adminToken(), payment(customer, "25.00"), key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();

        var second = pay(tenant.adminToken(), payment(customer, "25.00"), key);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(payments(tenant, customer)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422NamingTheHeader() {
        String customer = customer(tenant);
        String key = UUID.randomUUID().toString();
        assertThat(pay(tenant.adminToken(), payment(customer, "25.00"), key).status())
                .isEqualTo(201);

        var other = pay(tenant.adminToken(), payment(customer, "30.00"), key);
        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.isProblem()).isTrue();
        assertThat(other.text("type")).endsWith("/idempotency-key-reused");
        assertThat(other.text("header")).isEqualTo("Idempotency-Key");

        var otherPath = api.send(
                "POST",
                "/api/v1/customers/" + customer + "/charges",
                Api.JSON.writeValueAsString(payment(customer, "25.00")),
                tenant.adminToken(),
                Map.of("Idempotency-Key", key));
        assertThat(otherPath.status()).as("another endpoint, same key").isEqualTo(422);
        assertThat(payments(tenant, customer)).isEqualTo(1);
    }

    @Test
    void fourConcurrentRequestsWithOneKeyRecordExactlyOnePayment() throws Exception {
        String customer = customer(tenant);
        for (int round = 0; round < 5; round++) {
            String key = UUID.randomUUID().toString();
            List<Api.Response> answers = concurrently(4, () -> pay(tenant.adminToken(), payment(customer, "10"), key));
            var created = answers.stream()
                    .filter(a -> a.status() == 201 && a.header("Idempotent-Replayed") == null)
                    .toList();
            assertThat(created).as("round %d: %s", round, answers).hasSize(1);
            for (Api.Response answer : answers) {
                if (answer.status() == 201) {
                    assertThat(answer.body()).isEqualTo(created.getFirst().body());
                } else {
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
                    assertThat(answer.text("type")).endsWith("/idempotency-key-in-progress");
                    assertThat(answer.header("Retry-After")).isEqualTo("1");
                }
            }
            assertThat(payments(tenant, customer)).isEqualTo(round + 1);
        }
    }

    @Test
    void withoutAKeyFourConcurrentPaymentsAreFourPayments() throws Exception {
        String customer = customer(tenant);
        List<Api.Response> answers =
                concurrently(4, () -> api.post("/api/v1/payments", payment(customer, "10"), tenant.adminToken()));
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(payments(tenant, customer))
                .as("documented: only a key makes a retried POST safe")
                .isEqualTo(4);
    }

    @Test
    void twoTenantsUsingTheSameKeyAreIndependent() {
        var other = tenants.create();
        String mine = customer(tenant);
        String theirs = customer(other);
        String key = "order-1";
        var first = pay(tenant.adminToken(), payment(mine, "25.00"), key);
        var second = pay(other.adminToken(), payment(theirs, "40.00"), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.text("id")).isNotEqualTo(first.text("id"));
        assertThat(payments(tenant, mine)).isEqualTo(1);
        assertThat(payments(other, theirs)).isEqualTo(1);
    }

    @Test
    void twoPrincipalsOfOneTenantUsingTheSameKeyAreIndependent() {
        String customer = customer(tenant);
        var clerk = tenants.userWith(tenant, java.util.Set.of("billing:read", "payments:record"));
        var created = api.post(
                "/api/v1/api-keys",
                Map.of("name", "Till", "scopes", List.of("billing:read", "payments:record")),
                tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String apiKey = created.text("secret");
        String key = "till-7";

        var byAdmin = pay(tenant.adminToken(), payment(customer, "5"), key);
        var byClerk = pay(clerk.token(), payment(customer, "5"), key);
        var byApiKey = pay(apiKey, payment(customer, "5"), key);
        assertThat(List.of(byAdmin, byClerk, byApiKey)).allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isEqualTo(201);
            assertThat(a.header("Idempotent-Replayed")).isNull();
        });
        assertThat(payments(tenant, customer)).isEqualTo(3);
        assertThat(pay(apiKey, payment(customer, "5"), key).header("Idempotent-Replayed"))
                .as("the API key's own repetition is replayed")
                .isEqualTo("true");
    }

    @Test
    void aKeyTooLongBlankOrWithAControlCharacterIs400NamingTheHeader() {
        String customer = customer(tenant);
        for (String bad : List.of("x".repeat(256), " ", "tab\tkey")) {
            var answer = pay(tenant.adminToken(), payment(customer, "5"), bad);
            assertThat(answer.status()).as("%s: %s", bad, answer).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.json().path("errors").path(0).path("field").asString())
                    .isEqualTo("Idempotency-Key");
        }
        assertThat(pay(tenant.adminToken(), payment(customer, "5"), "k".repeat(255))
                        .status())
                .as("255 characters are fine")
                .isEqualTo(201);
        assertThat(payments(tenant, customer)).isEqualTo(1);
    }

    @Test
    void aRefusedAnswerIsNotKeptAndAClientErrorIs() {
        String customer = customer(tenant);
        var reader = tenants.userWith(tenant, java.util.Set.of("billing:read"));
        String key = UUID.randomUUID().toString();
        assertThat(pay(reader.token(), payment(customer, "5"), key).status()).isEqualTo(403);
        assertThat(rows(tenant.id(), key)).as("a 403 claims nothing").isZero();

        var unknown = payment(UUID.randomUUID().toString(), "5");
        var missing = pay(tenant.adminToken(), unknown, key);
        assertThat(missing.status()).as(missing.toString()).isBetween(400, 499);
        var again = pay(tenant.adminToken(), unknown, key);
        assertThat(again.status()).isEqualTo(missing.status());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aRequestThatDiedWithoutAnAnswerIsTakenOverAfterAWhile() {
        String customer = customer(tenant);
        String key = UUID.randomUUID().toString();
        var first = pay(tenant.adminToken(), payment(customer, "5"), key);
        assertThat(first.status()).isEqualTo(201);
        // As if the instance had crashed after claiming: no answer, claimed long ago.
        jdbc.sql("""
            update shared.idempotency_keys set completed_at = null, response_status = null, response_headers = null,
                response_body = null, claimed_at = :long_ago
            where tenant_id = :t and idempotency_key = :k
            """)
                .param("long_ago", Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))))
                .param("t", tenant.id())
                .param("k", key)
                .update();
        var retried = pay(tenant.adminToken(), payment(customer, "5"), key);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void thePurgeJobForgetsKeysOlderThanADayAndKeepsTheOthers() {
        String customer = customer(tenant);
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        assertThat(pay(tenant.adminToken(), payment(customer, "5"), old).status())
                .isEqualTo(201);
        assertThat(pay(tenant.adminToken(), payment(customer, "6"), recent).status())
                .isEqualTo(201);
        jdbc.sql("update shared.idempotency_keys set created_at = :then where tenant_id = :t and idempotency_key = :k")
                .param("then", Timestamp.from(Instant.now().minus(Duration.ofHours(25))))
                .param("t", tenant.id())
                .param("k", old)
                .update();

        purge.purge();

        assertThat(rows(tenant.id(), old)).isZero();
        assertThat(rows(tenant.id(), recent)).isOne();
        var afterPurge = pay(tenant.adminToken(), payment(customer, "5"), old);
        assertThat(afterPurge.status()).isEqualTo(201);
        assertThat(afterPurge.header("Idempotent-Replayed"))
                .as("a forgotten key is a new request")
                .isNull();
    }

    @Test
    void theHeaderIsDocumentedOnEveryMoneyMovingOperation() {
        var paths = api.get("/v3/api-docs", null).json().path("paths");
        for (String path : List.of(
                "/api/v1/payments",
                "/api/v1/payments/{id}/refunds",
                "/api/v1/invoices/{id}/issue",
                "/api/v1/invoices/{id}/void",
                "/api/v1/customers/{id}/charges",
                "/api/v1/customers/{id}/charges/invoice",
                "/api/v1/subscriptions/{id}/data-packs",
                "/api/v1/billing-runs")) {
            var parameters = paths.path(path).path("post").path("parameters");
            List<String> headers = new ArrayList<>();
            parameters.forEach(p -> {
                if (p.path("in").asString().equals("header")) {
                    headers.add(p.path("name").asString());
                }
            });
            assertThat(headers).as(path).contains("Idempotency-Key");
        }
    }

    private int rows(UUID tenantId, String key) {
        return jdbc.sql("select count(*) from shared.idempotency_keys where tenant_id = :t and idempotency_key = :k")
                .param("t", tenantId)
                .param("k", key)
                .query(Integer.class)
                .single();
    }

    private static List<Api.Response> concurrently(int n, java.util.function.Supplier<Api.Response> request)
            throws Exception {
        var barrier = new CyclicBarrier(n);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return request.get();
                }));
            }
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }
}
