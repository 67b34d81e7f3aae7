package io.moonknight.subscriptions;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the RADIUS server needs to decide on a login: the subscription, its state and credentials (the
 * password in clear, as PAP, CHAP and MS-CHAPv2 need it), its addresses, where it may connect, and the first
 * day of its current billing cycle (what fair-use counts from).
 */
public record AccessProfile(
        UUID tenantId,
        UUID subscriptionId,
        UUID customerId,
        UUID planId,
        SubscriptionStatus status,
        AccessType accessType,
        @Nullable String username,
        @Nullable String password,
        @Nullable String macAddress,
        IpMode ipv4Mode,
        @Nullable UUID ipv4PoolId,
        @Nullable String ipv4Address,
        IpMode ipv6Mode,
        @Nullable UUID ipv6PoolId,
        @Nullable String ipv6Prefix,
        @Nullable UUID vlanId,
        @Nullable UUID nasId,
        LocalDate startDate,
        LocalDate cycleStart,
        @Nullable LocalDate expiresOn) {}
