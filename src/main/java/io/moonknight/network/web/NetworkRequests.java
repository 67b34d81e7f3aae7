package io.moonknight.network.web;

import io.moonknight.network.IpPoolPurpose;
import io.moonknight.network.NasAddressing;
import io.moonknight.network.NasStatus;
import io.moonknight.network.NasVendor;
import io.moonknight.network.VlanMode;
import io.moonknight.network.VlanScopeType;
import io.moonknight.network.internal.IpPoolDraft;
import io.moonknight.network.internal.NasDraft;
import io.moonknight.network.internal.VlanDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request bodies of the network endpoints. */
final class NetworkRequests {

    private NetworkRequests() {}

    record PoolRequest(
            @Schema(example = "Dhaka CGNAT") @NotNull @Size(max = 80)
            String name,

            @Schema(example = "100.64.0.0/22") @NotNull @Size(max = 50)
            String prefix,

            @Schema(
                    description = "What one allocation is: 32 (IPv4) or 128 (IPv6) for single addresses, e.g. 64"
                            + " for delegated IPv6 prefixes; single addresses, or /64 out of IPv6 prefixes"
                            + " shorter than /64, when left out")
            @Nullable
            Integer assignmentLength,

            @Schema(example = "DYNAMIC") @NotNull IpPoolPurpose purpose,

            @Schema(example = "100.64.0.1") @Nullable @Size(max = 45)
            String gateway,

            @Schema(example = "[\"1.1.1.1\", \"8.8.8.8\"]") @Nullable @Size(max = 4)
            List<@NotNull @Size(max = 45) String> dnsServers,

            @Schema(
                    example = "[\"100.64.0.2-100.64.0.20\"]",
                    description = "Addresses never handed out: ranges a-b, single addresses or CIDR prefixes")
            @Nullable
            @Size(max = 100)
            List<@NotNull @Size(max = 100) String> excluded,

            @Schema(example = "90", description = "Utilisation (%) that raises an alert; 90 when left out") @Nullable
            Integer alertThreshold,

            @Nullable @Size(max = 1000) String description) {

        IpPoolDraft draft() {
            return new IpPoolDraft(
                    name,
                    prefix,
                    assignmentLength,
                    purpose,
                    gateway,
                    dnsServers == null ? List.of() : dnsServers,
                    excluded == null ? List.of() : excluded,
                    alertThreshold == null ? 90 : alertThreshold,
                    description);
        }
    }

    record AllocationRequest(
            @Schema(
                    example = "100.64.0.50",
                    description = "The address (or delegated prefix, e.g. 2001:db8:0:5::/64) wanted; the"
                            + " lowest free one when left out")
            @Nullable
            @Size(max = 60)
            String address,

            @Schema(example = "Device") @Nullable @Size(max = 40)
            String holderType,

            @Nullable UUID holderId,

            @Schema(example = "Core switch management") @Nullable @Size(max = 200)
            String note) {}

    record VlanRequest(
            @Schema(example = "Gulshan residential") @NotNull @Size(max = 80)
            String name,

            @Schema(example = "AREA") @NotNull VlanScopeType scopeType,

            @Schema(example = "Gulshan") @NotNull @Size(max = 80)
            String scopeName,

            @Schema(example = "2000", description = "Outer (service) VLAN for QinQ") @Nullable
            Integer sVlan,

            @Schema(example = "101") @NotNull Integer cVlan,
            @Schema(example = "SHARED") @NotNull VlanMode mode,
            @Nullable @Size(max = 1000) String description) {

        VlanDraft draft() {
            return new VlanDraft(name, scopeType, scopeName, sVlan, Objects.requireNonNull(cVlan), mode, description);
        }
    }

    record NasRequest(
            @Schema(example = "Gulshan BRAS") @NotNull @Size(max = 80)
            String name,

            @Schema(example = "MIKROTIK") @NotNull NasVendor vendor,

            @Schema(example = "10.0.0.1", description = "The address RADIUS requests come from")
            @NotNull
            @Size(max = 45)
            String address,

            @Schema(
                    description =
                            "RADIUS shared secret, write-only: required on create, kept when left out on" + " a change")
            @Nullable
            @Size(max = 128)
            String secret,

            @Schema(example = "3799") @Nullable Integer coaPort,
            @Schema(example = "true") @Nullable Boolean supportsCoa,

            @Schema(example = "Gulshan POP, rack 2") @Nullable @Size(max = 200)
            String location,

            @Nullable Double latitude,
            @Nullable Double longitude,
            @Schema(example = "8729") @Nullable Integer apiPort,
            @Nullable Boolean apiTls,

            @Schema(description = "true when left out") @Nullable
            Boolean requireMessageAuthenticator,

            @Schema(description = "RADIUS when left out") @Nullable
            NasAddressing addressing,

            @Schema(example = "moonknight") @Nullable @Size(max = 80)
            String apiUsername,

            @Schema(description = "Write-only: kept when left out, removed when empty") @Nullable @Size(max = 200)
            String apiPassword,

            @Nullable @Size(max = 1000) String description,

            @Schema(example = "ACTIVE", description = "ACTIVE when left out") @Nullable
            NasStatus status) {

        NasDraft draft() {
            return new NasDraft(
                    name,
                    vendor,
                    address,
                    secret,
                    coaPort == null ? 3799 : coaPort,
                    supportsCoa == null || supportsCoa,
                    location,
                    latitude,
                    longitude,
                    apiPort,
                    apiTls == null || apiTls,
                    requireMessageAuthenticator == null || requireMessageAuthenticator,
                    addressing == null ? NasAddressing.RADIUS : addressing,
                    apiUsername,
                    apiPassword,
                    description,
                    status == null ? NasStatus.ACTIVE : status);
        }
    }
}
