package io.moonknight.subscriptions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PlanChangeJobTest {

    @LocalServerPort
    int port;

    @Autowired
    PlanChangeJob job;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChangeScheduledForTheNextCycleIsAppliedOnItsDay() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        String customer = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Job",
                                "lastName",
                                "Test",
                                "phones",
                                List.of("+8801711000001")),
                        tenant.adminToken())
                .text("id");
        String small = plan(api, tenant, "SMALL");
        String big = plan(api, tenant, "BIG");
        String id = api.post(
                        "/api/v1/subscriptions",
                        Map.of(
                                "customerId",
                                customer,
                                "planId",
                                small,
                                "activate",
                                true,
                                "service",
                                Map.of("accessType", "PPPOE", "username", "job.test")),
                        tenant.adminToken())
                .text("id");
        var scheduled = api.post(
                "/api/v1/subscriptions/" + id + "/change-plan",
                Map.of("planId", big, "when", "NEXT_CYCLE"),
                tenant.adminToken());
        assertThat(scheduled.text("pendingPlanName")).isEqualTo("BIG");

        job.applyDue();
        assertThat(api.get("/api/v1/subscriptions/" + id, tenant.adminToken()).text("planName"))
                .as("not before its day")
                .isEqualTo("SMALL");

        jdbc.sql("update subscriptions.subscriptions set pending_plan_from = current_date - 1 where id = :id")
                .param("id", UUID.fromString(id))
                .update();
        assertThat(job.applyDue()).isGreaterThanOrEqualTo(1);
        var applied = api.get("/api/v1/subscriptions/" + id, tenant.adminToken());
        assertThat(applied.text("planName")).isEqualTo("BIG");
        assertThat(applied.json().path("pendingPlanId").isNull()).isTrue();
        job.applyDue();
        assertThat(api.get("/api/v1/subscriptions/" + id + "/changes", tenant.adminToken())
                        .json()
                        .path("items")
                        .findValuesAsString("kind"))
                .as("applied once")
                .containsOnlyOnce("plan-changed-scheduled");
    }

    private static String plan(Api api, TestTenants.TenantFixture tenant, String code) {
        return api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                code,
                                "name",
                                code,
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                "10",
                                "downloadKbps",
                                10_000,
                                "uploadKbps",
                                5_000),
                        tenant.adminToken())
                .text("id");
    }
}
