package io.moonknight.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** NAS registered before secrets had fingerprints get theirs at start-up, so the clash rule covers them too. */
@IntegrationTest
class NasSecretFingerprintsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NasSecretFingerprints fingerprints;

    @Test
    void aNasWithoutAFingerprintGetsTheOneItsSecretWouldHave() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        String secret = "legacy-" + UUID.randomUUID();
        var created = api.post(
                "/api/v1/nas",
                Map.of("name", "Legacy NAS", "vendor", "MIKROTIK", "address", "10.88.0.1", "secret", secret),
                tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.text("id"));
        String original = fingerprint(id);
        jdbc.sql("update network.nas set secret_fingerprint = null where id = :id")
                .param("id", id)
                .update();

        fingerprints.fill();

        assertThat(fingerprint(id)).isNotNull().isEqualTo(original);
        var sameElsewhere = api.post(
                "/api/v1/nas",
                Map.of("name", "Copy", "vendor", "MIKROTIK", "address", "10.88.0.1", "secret", secret),
                new TestTenants(api).create().adminToken());
        assertThat(sameElsewhere.status()).as(sameElsewhere.toString()).isEqualTo(409);
    }

    private String fingerprint(UUID id) {
        return jdbc.sql("select secret_fingerprint from network.nas where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
