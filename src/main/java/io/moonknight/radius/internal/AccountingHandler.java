package io.moonknight.radius.internal;

import io.moonknight.subscriptions.AccessProfile;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.aaa4j.radius.core.attribute.Attribute;
import org.aaa4j.radius.core.attribute.IntegerData;
import org.aaa4j.radius.core.attribute.attributes.AcctDelayTime;
import org.aaa4j.radius.core.attribute.attributes.AcctInputGigawords;
import org.aaa4j.radius.core.attribute.attributes.AcctInputOctets;
import org.aaa4j.radius.core.attribute.attributes.AcctOutputGigawords;
import org.aaa4j.radius.core.attribute.attributes.AcctOutputOctets;
import org.aaa4j.radius.core.attribute.attributes.AcctSessionId;
import org.aaa4j.radius.core.attribute.attributes.AcctSessionTime;
import org.aaa4j.radius.core.attribute.attributes.AcctStatusType;
import org.aaa4j.radius.core.attribute.attributes.AcctTerminateCause;
import org.aaa4j.radius.core.attribute.attributes.CallingStationId;
import org.aaa4j.radius.core.attribute.attributes.Class;
import org.aaa4j.radius.core.attribute.attributes.FramedIpAddress;
import org.aaa4j.radius.core.attribute.attributes.NasPort;
import org.aaa4j.radius.core.attribute.attributes.NasPortId;
import org.aaa4j.radius.core.attribute.attributes.UserName;
import org.aaa4j.radius.core.packet.Packet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Accounting-Requests: Start, Interim-Update and Stop go through the {@link AccountingWriter} (answered once
 * written); Accounting-On / Off close every session of the NAS. Usage counts Gigawords (RFC 2869), so sessions
 * past 4 GiB are counted right.
 */
@Component
class AccountingHandler {

    static final int START = 1;
    static final int STOP = 2;
    static final int INTERIM = 3;
    static final int ACCOUNTING_ON = 7;
    static final int ACCOUNTING_OFF = 8;

    /** The outcome: answer (after {@code written}) or drop. */
    record Result(boolean answer, CompletableFuture<RadiusSessionStore.@Nullable Applied> written) {}

    private final LookupCache cache;
    private final AccountingWriter writer;
    private final RadiusSessionStore store;
    private final Enforcement enforcement;
    private final FramedAddresses framed;
    private final RadiusProperties properties;
    private final Clock clock;

    AccountingHandler(
            LookupCache cache,
            AccountingWriter writer,
            RadiusSessionStore store,
            Enforcement enforcement,
            FramedAddresses framed,
            RadiusProperties properties,
            Clock clock) {
        this.cache = cache;
        this.writer = writer;
        this.store = store;
        this.enforcement = enforcement;
        this.framed = framed;
        this.properties = properties;
        this.clock = clock;
    }

    Result handle(NasRegistry.Client client, Packet request) {
        int status = request.getAttribute(AcctStatusType.class)
                .map(a -> a.getData().getValue())
                .orElse(0);
        UUID tenant = client.nas().tenantId();
        Instant at = clock.instant().minusSeconds(integer(request.getAttribute(AcctDelayTime.class)));
        if (status == ACCOUNTING_ON || status == ACCOUNTING_OFF) {
            var closed = store.close("nas_id = :nas", Map.of("nas", client.nas().nasId()), "NAS-Reboot", at);
            enforcement.sessionsEnded(closed);
            return new Result(true, CompletableFuture.completedFuture(null));
        }
        if (status != START && status != STOP && status != INTERIM) {
            return new Result(true, CompletableFuture.completedFuture(null)); // e.g. Tunnel-* types: acknowledged
        }
        String sessionId = request.getAttribute(AcctSessionId.class)
                .map(a -> a.getData().getValue())
                .orElse(null);
        if (sessionId == null || sessionId.isEmpty()) {
            return new Result(false, CompletableFuture.completedFuture(null));
        }
        String username = request.getAttribute(UserName.class)
                .map(a -> a.getData().getValue())
                .orElse(null);
        String calling = request.getAttribute(CallingStationId.class)
                .map(a -> a.getData().getValue())
                .orElse(null);
        Optional<AccessProfile> profile = subscriber(tenant, request, username, calling);
        if (profile.isEmpty()) {
            // not ours (or deleted): acknowledged so the NAS stops retrying, but not recorded
            return new Result(true, CompletableFuture.completedFuture(null));
        }
        AccessProfile p = profile.get();
        long input =
                octets(request.getAttribute(AcctInputOctets.class), request.getAttribute(AcctInputGigawords.class));
        long output =
                octets(request.getAttribute(AcctOutputOctets.class), request.getAttribute(AcctOutputGigawords.class));
        String port = request.getAttribute(NasPortId.class)
                .map(a -> a.getData().getValue())
                .orElse(request.getAttribute(NasPort.class)
                        .map(a -> String.valueOf(
                                Integer.toUnsignedLong(a.getData().getValue())))
                        .orElse(null));
        String framedIp = request.getAttribute(FramedIpAddress.class)
                .map(a -> a.getData().getValue().getHostAddress())
                .orElse(null);
        var accounting = new RadiusSessionStore.Accounting(
                tenant,
                client.nas().nasId(),
                status,
                p.subscriptionId(),
                p.customerId(),
                p.planId(),
                username,
                sessionId,
                framedIp,
                calling,
                port,
                input,
                output,
                integer(request.getAttribute(AcctSessionTime.class)),
                request.getAttribute(AcctTerminateCause.class)
                        .map(a -> terminateCause(a.getData().getValue()))
                        .orElse(null),
                (int) properties.interimInterval().toSeconds(),
                at);
        if (status != STOP && framedIp != null) {
            framed.reported(tenant, client.nas().nasId(), sessionId, p.subscriptionId(), framedIp);
        }
        CompletableFuture<RadiusSessionStore.@Nullable Applied> written = writer.submit(accounting)
                .thenApply(applied -> {
                    enforcement.accounted(client, p, applied);
                    return applied;
                });
        return new Result(true, written);
    }

    private Optional<AccessProfile> subscriber(
            UUID tenant, Packet request, @Nullable String username, @Nullable String calling) {
        var tagged = request.getAttribute(Class.class)
                .map(a -> new String(a.getData().getValue(), StandardCharsets.UTF_8))
                .filter(c -> c.startsWith(AccessHandler.CLASS_PREFIX));
        if (tagged.isPresent()) {
            try {
                UUID id = UUID.fromString(tagged.get().substring(AccessHandler.CLASS_PREFIX.length()));
                var found = cache.bySubscription(tenant, id);
                if (found.isPresent()) {
                    return found;
                }
            } catch (IllegalArgumentException notOurs) {
                // fall through to the username
            }
        }
        if (username != null && !username.isEmpty()) {
            var found = cache.byUsername(tenant, username);
            if (found.isPresent()) {
                return found;
            }
        }
        String mac = calling != null ? calling : username;
        return mac == null ? Optional.empty() : cache.byMac(tenant, mac);
    }

    private static long octets(
            Optional<? extends Attribute<IntegerData>> low, Optional<? extends Attribute<IntegerData>> gigawords) {
        long octets =
                low.map(a -> Integer.toUnsignedLong(a.getData().getValue())).orElse(0L);
        long high = gigawords
                .map(a -> Integer.toUnsignedLong(a.getData().getValue()))
                .orElse(0L);
        return (high << 32) + octets;
    }

    private static long integer(Optional<? extends Attribute<IntegerData>> attribute) {
        return attribute
                .map(a -> Integer.toUnsignedLong(a.getData().getValue()))
                .orElse(0L);
    }

    private static String terminateCause(int cause) {
        return switch (cause) {
            case 1 -> "User-Request";
            case 2 -> "Lost-Carrier";
            case 3 -> "Lost-Service";
            case 4 -> "Idle-Timeout";
            case 5 -> "Session-Timeout";
            case 6 -> "Admin-Reset";
            case 7 -> "Admin-Reboot";
            case 8 -> "Port-Error";
            case 9 -> "NAS-Error";
            case 10 -> "NAS-Request";
            case 11 -> "NAS-Reboot";
            default -> "Cause-" + cause;
        };
    }
}
