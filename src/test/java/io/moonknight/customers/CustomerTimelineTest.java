package io.moonknight.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.moonknight.shared.events.CustomerActivity;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Any module's event that implements CustomerActivity lands on the customer's timeline, with no code in customers. */
@IntegrationTest
class CustomerTimelineTest {

    record InvoiceIssued(UUID tenantId, UUID customerId, Instant occurredAt, String number)
            implements CustomerActivity {
        @Override
        public String activityKind() {
            return "invoice.issued";
        }

        @Override
        public String activityTitle() {
            return "Invoice " + number + " issued";
        }

        @Override
        public Map<String, Object> activityDetails() {
            return Map.of("amount", "25.00 USD");
        }

        @Override
        public String referenceType() {
            return "Invoice";
        }

        @Override
        public String referenceId() {
            return number;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void anotherModulesActivityEventAppearsOnTheTimeline() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        String id = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Tim",
                                "lastName",
                                "Line",
                                "phones",
                                List.of("+8801711000001")),
                        tenant.adminToken())
                .text("id");

        TenantContext.run(
                tenant.id(),
                () -> new TransactionTemplate(transactionManager)
                        .executeWithoutResult(status -> events.publishEvent(new InvoiceIssued(
                                tenant.id(), UUID.fromString(id), Instant.now(), "INV-2026-000123"))));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var history = api.get("/api/v1/customers/" + id + "/history", tenant.adminToken())
                    .json()
                    .path("items");
            assertThat(history.get(0).path("kind").asString()).isEqualTo("invoice.issued");
            assertThat(history.get(0).path("title").asString()).isEqualTo("Invoice INV-2026-000123 issued");
            assertThat(history.get(0).path("details").path("amount").asString()).isEqualTo("25.00 USD");
            assertThat(history.get(0).path("referenceType").asString()).isEqualTo("Invoice");
        });
    }
}
