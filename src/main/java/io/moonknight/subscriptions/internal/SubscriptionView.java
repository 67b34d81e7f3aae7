package io.moonknight.subscriptions.internal;

import io.moonknight.subscriptions.AccessType;
import io.moonknight.subscriptions.IpMode;
import io.moonknight.subscriptions.SubscriptionStatus;
import io.moonknight.subscriptions.domain.Lifecycle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A subscription with the names of what it refers to; never its password ({@code passwordSet} says if any). */
public record SubscriptionView(
        UUID id,
        UUID customerId,
        @Nullable String customerName,
        @Nullable String customerAccountNumber,
        UUID planId,
        @Nullable String planName,
        AccessType accessType,
        @Nullable String username,
        boolean passwordSet,
        @Nullable String macAddress,
        @Nullable String circuitId,
        IpMode ipv4Mode,
        @Nullable UUID ipv4PoolId,
        @Nullable String ipv4Address,
        IpMode ipv6Mode,
        @Nullable UUID ipv6PoolId,
        @Nullable String ipv6Prefix,
        @Nullable UUID vlanId,
        @Nullable String vlanName,
        boolean vlanDedicated,
        @Nullable UUID nasId,
        @Nullable String nasName,
        @Nullable String installLine1,
        @Nullable String installLine2,
        @Nullable String installCity,
        @Nullable Double installLatitude,
        @Nullable Double installLongitude,
        LocalDate startDate,
        SubscriptionStatus status,
        @Nullable String statusReason,
        @Nullable String statusNote,
        Instant statusChangedAt,
        @Nullable Instant activatedAt,
        @Nullable Instant suspendedAt,
        @Nullable Instant terminatedAt,
        @Nullable LocalDate expiresOn,
        @Nullable UUID pendingPlanId,
        @Nullable String pendingPlanName,
        @Nullable LocalDate pendingPlanFrom,
        @Nullable String notes,
        Instant createdAt,
        Instant updatedAt) {

    /** Names looked up in other modules for display. */
    record Names(
            @Nullable String customerName,
            @Nullable String customerAccount,
            @Nullable String planName,
            @Nullable String pendingPlanName,
            @Nullable String vlanName,
            @Nullable String nasName) {}

    /** The lifecycle steps possible now. */
    public Set<Lifecycle.Step> steps() {
        return Lifecycle.stepsFrom(status);
    }

    /** How staff recognise it: the username, else the MAC address, else the IPv4 address. */
    public String label() {
        if (username != null) {
            return username;
        }
        if (macAddress != null) {
            return macAddress;
        }
        return ipv4Address != null ? ipv4Address : "Subscription";
    }

    /** Whether the lifecycle step ({@code ACTIVATE}, {@code SUSPEND}, ...) is possible now. */
    public boolean can(String step) {
        return steps().contains(Lifecycle.Step.valueOf(step));
    }

    /** The installation address on one line, or null. */
    public @Nullable String installAddress() {
        var parts = new java.util.ArrayList<String>();
        for (String part : new @Nullable String[] {installLine1, installLine2, installCity}) {
            if (part != null && !part.isBlank()) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }
}
