package io.moonknight.network.internal;

import io.moonknight.network.NasAddressing;
import io.moonknight.network.NasStatus;
import io.moonknight.network.NasSummary;
import io.moonknight.network.NasVendor;
import io.moonknight.shared.audit.NotAudited;
import io.moonknight.shared.security.SecretBox;
import io.moonknight.shared.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A NAS / router. Its RADIUS secret and API password are sealed ({@link SecretBox}) and never shown again. */
@Entity
@Table(schema = "network", name = "nas")
class Nas extends TenantOwned<Nas> {

    @Id
    private UUID id;

    private String name;

    @Enumerated(EnumType.STRING)
    private NasVendor vendor;

    private String address;

    @Column(name = "secret_sealed")
    private String secret;

    /** Equal for equal secrets: no two NAS of any tenants share an address and a secret (a unique index). */
    @NotAudited
    private @Nullable String secretFingerprint; // null only for a NAS registered before fingerprints whose was refused

    private int coaPort;
    private boolean supportsCoa;
    private @Nullable String location;
    private @Nullable Double latitude;
    private @Nullable Double longitude;
    private @Nullable Integer apiPort;
    private boolean apiTls;
    private boolean requireMessageAuthenticator;

    @Enumerated(EnumType.STRING)
    private NasAddressing addressing;

    private @Nullable String apiUsername;

    @Column(name = "api_password_sealed")
    private @Nullable String apiPassword;

    private @Nullable String description;

    @Enumerated(EnumType.STRING)
    private NasStatus status;

    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Nas() {}

    Nas(NasDraft draft, SecretBox box, Instant now) {
        this.id = UUID.randomUUID();
        this.createdAt = now;
        String clear = java.util.Objects.requireNonNull(draft.secret(), "secret");
        this.secret = box.seal(clear, secretContext(id));
        this.secretFingerprint = fingerprint(box, clear);
        apply(draft, box, now);
    }

    void apply(NasDraft draft, SecretBox box, Instant now) {
        this.name = draft.name();
        this.vendor = draft.vendor();
        this.address = draft.address();
        if (draft.secret() != null) {
            this.secret = box.seal(draft.secret(), secretContext(id));
            this.secretFingerprint = fingerprint(box, draft.secret());
        }
        this.coaPort = draft.coaPort();
        this.supportsCoa = draft.supportsCoa();
        this.location = draft.location();
        this.latitude = draft.latitude();
        this.longitude = draft.longitude();
        this.apiPort = draft.apiPort();
        this.apiTls = draft.apiTls();
        this.requireMessageAuthenticator = draft.requireMessageAuthenticator();
        this.addressing = draft.addressing();
        this.apiUsername = draft.apiUsername();
        if (draft.apiPassword() != null) {
            this.apiPassword =
                    draft.apiPassword().isEmpty() ? null : box.seal(draft.apiPassword(), apiPasswordContext(id));
        }
        this.description = draft.description();
        this.status = draft.status();
        this.updatedAt = now;
    }

    static String secretContext(UUID id) {
        return "nas-secret:" + id;
    }

    /** The same for every NAS, so equal secrets of different NAS compare equal. */
    static String fingerprint(SecretBox box, String secret) {
        return box.fingerprint(secret, "nas-secret");
    }

    static String apiPasswordContext(UUID id) {
        return "nas-api-password:" + id;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String address() {
        return address;
    }

    @Nullable
    String secretFingerprint() {
        return secretFingerprint;
    }

    /** The RADIUS shared secret in clear, for the RADIUS server only. */
    String secret(SecretBox box) {
        return box.open(secret, secretContext(id));
    }

    NasSummary summary() {
        return new NasSummary(id, name, vendor, address, supportsCoa, coaPort, status);
    }

    NasView view() {
        return new NasView(
                id,
                name,
                vendor,
                address,
                true,
                coaPort,
                supportsCoa,
                location,
                latitude,
                longitude,
                apiPort,
                apiTls,
                requireMessageAuthenticator,
                addressing,
                apiUsername,
                apiPassword != null,
                description,
                status,
                createdAt,
                updatedAt);
    }
}
