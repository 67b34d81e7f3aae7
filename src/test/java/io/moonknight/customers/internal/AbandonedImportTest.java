package io.moonknight.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

@IntegrationTest
class AbandonedImportTest {

    @LocalServerPort
    int port;

    @Autowired
    ImportRunner runner;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importsCutOffByARestartAreMarkedFailedButLiveOnesAreLeftAlone() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        String stale = upload(api, tenant);
        String live = upload(api, tenant);
        setRunning(stale, Instant.now().minus(ImportRunner.ABANDONED_AFTER).minusSeconds(60));
        setRunning(live, Instant.now().minusSeconds(10));

        // past the job's lock (a scheduled run on this instance may hold it): the job itself, now
        AopTestUtils.<ImportRunner>getTargetObject(runner).failAbandoned();

        var failed = api.get("/api/v1/customers/imports/" + stale, tenant.adminToken());
        assertThat(failed.text("status")).isEqualTo("FAILED");
        assertThat(failed.text("error")).contains("Upload the file again");
        assertThat(api.get("/api/v1/customers/imports/" + live, tenant.adminToken())
                        .text("status"))
                .isEqualTo("RUNNING");
        jdbc.sql("update customers.imports set status = 'FAILED' where id = :id")
                .param("id", UUID.fromString(live))
                .update();
    }

    private void setRunning(String id, Instant updatedAt) {
        jdbc.sql("update customers.imports set status = 'RUNNING', updated_at = :at where id = :id")
                .param("at", Timestamp.from(updatedAt))
                .param("id", UUID.fromString(id))
                .update();
    }

    private static String upload(Api api, TestTenants.TenantFixture tenant) {
        var response = api.upload(
                "/api/v1/customers/imports",
                Map.of(),
                "file",
                "old.csv",
                "text/csv",
                "Account,Name\nX-1,Jane Doe\n".getBytes(StandardCharsets.UTF_8),
                tenant.adminToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("job").path("id").asString();
    }
}
