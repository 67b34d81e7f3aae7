package io.moonknight.network.internal;

import io.moonknight.shared.security.SecretBox;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives NAS registered before secrets had fingerprints theirs, once, at start-up. Two such NAS of different
 * tenants with the same address and secret cannot both have one: the later one is left without (RADIUS answers
 * the earlier one's, as it always did) and a warning says which to change.
 */
@Component
class NasSecretFingerprints {

    private static final Logger log = LoggerFactory.getLogger(NasSecretFingerprints.class);

    private final JdbcClient jdbc;
    private final SecretBox box;

    NasSecretFingerprints(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    record Unfingerprinted(UUID id, UUID tenant, String name, String address, String sealed) {}

    @EventListener(ApplicationReadyEvent.class)
    void fill() {
        var missing = jdbc.sql("""
            select id, tenant_id, name, address, secret_sealed from network.nas
            where secret_fingerprint is null order by created_at
            """)
                .query((row, i) -> new Unfingerprinted(
                        row.getObject("id", UUID.class),
                        row.getObject("tenant_id", UUID.class),
                        row.getString("name"),
                        row.getString("address"),
                        row.getString("secret_sealed")))
                .list();
        for (Unfingerprinted nas : missing) {
            try {
                String secret = box.open(nas.sealed(), Nas.secretContext(nas.id()));
                jdbc.sql("update network.nas set secret_fingerprint = :fingerprint where id = :id")
                        .param("fingerprint", Nas.fingerprint(box, secret))
                        .param("id", nas.id())
                        .update();
            } catch (DataIntegrityViolationException clash) {
                log.warn(
                        "NAS {} ({}, tenant {}) has the address and secret of another tenant's NAS; RADIUS cannot"
                                + " tell them apart and answers the older one. Give it a different secret.",
                        nas.name(),
                        nas.address(),
                        nas.tenant());
            }
        }
    }
}
