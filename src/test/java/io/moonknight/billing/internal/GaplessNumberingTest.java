package io.moonknight.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** 40 invoices issued at once, every fourth rolled back after taking a number: the committed ones are 1..30. */
@IntegrationTest
class GaplessNumberingTest {

    @LocalServerPort
    int port;

    @Autowired
    InvoiceWriter writer;

    @Autowired
    Accounts accounts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void numbersAreGaplessUnderConcurrentIssuing() throws Exception {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        String customer = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Gap",
                                "lastName",
                                "Less",
                                "phones",
                                List.of("+8801711000001")),
                        tenant.adminToken())
                .text("id");
        var start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 40; i++) {
                boolean rollBack = i % 4 == 3;
                results.add(pool.submit(() -> {
                    start.await();
                    return TenantContext.call(tenant.id(), () -> {
                        try {
                            transactions.executeWithoutResult(status -> {
                                var account = accounts.of(UUID.fromString(customer));
                                writer.issue(
                                        account,
                                        List.of(new InvoiceWriter.Charge(
                                                "Fee", null, null, null, new BigDecimal("10.00"), "standard")),
                                        null,
                                        null,
                                        LocalDate.of(2026, 11, 24));
                                if (rollBack) {
                                    throw new IllegalStateException("rolled back on purpose");
                                }
                            });
                            return true;
                        } catch (IllegalStateException expected) {
                            return false;
                        }
                    });
                }));
            }
            start.countDown();
            long committed = 0;
            for (var result : results) {
                if (result.get()) {
                    committed++;
                }
            }
            assertThat(committed).isEqualTo(30);
        }
        List<String> numbers = jdbc.sql("select number from billing.invoices where tenant_id = :t order by number")
                .param("t", tenant.id())
                .query(String.class)
                .list();
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            expected.add(String.format("INV-2026-%06d", n));
        }
        assertThat(numbers).containsExactlyElementsOf(expected);
        var balance = jdbc.sql("select sum(amount) from billing.ledger_entries where tenant_id = :t")
                .param("t", tenant.id())
                .query(BigDecimal.class)
                .single();
        assertThat(balance).as("ledger has exactly the committed invoices").isEqualByComparingTo("300");
    }
}
