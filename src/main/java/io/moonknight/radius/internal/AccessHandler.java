package io.moonknight.radius.internal;

import io.moonknight.network.IpAddressManagement;
import io.moonknight.network.IpPoolSummary;
import io.moonknight.network.NasAddressing;
import io.moonknight.network.VlanSummary;
import io.moonknight.plans.PlanReply;
import io.moonknight.radius.domain.Dictionary;
import io.moonknight.radius.domain.MsChapV2;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.subscriptions.AccessProfile;
import io.moonknight.subscriptions.AccessType;
import io.moonknight.subscriptions.IpMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.aaa4j.radius.core.attribute.attributes.CallingStationId;
import org.aaa4j.radius.core.attribute.attributes.ChapChallenge;
import org.aaa4j.radius.core.attribute.attributes.ChapPassword;
import org.aaa4j.radius.core.attribute.attributes.UserName;
import org.aaa4j.radius.core.attribute.attributes.UserPassword;
import org.aaa4j.radius.core.attribute.attributes.VendorSpecific;
import org.aaa4j.radius.core.packet.Packet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides Access-Requests: finds the subscriber (by username, or by MAC for IPoE), checks the password (PAP,
 * CHAP or MS-CHAPv2), the subscription's state, prepaid validity, fair use and simultaneous use, and builds the
 * reply: the plan's vendor attributes, addresses, VLAN, timeouts and a Class that ties accounting back to the
 * subscription.
 */
@Component
class AccessHandler {

    static final String CLASS_PREFIX = "mk:";
    private static final Pattern MAC =
            Pattern.compile("(?i)([0-9a-f]{2}[:-]){5}[0-9a-f]{2}|([0-9a-f]{4}\\.){2}[0-9a-f]{4}|[0-9a-f]{12}");

    private final LookupCache cache;
    private final RadiusSessionStore sessions;
    private final LiveCounts live;
    private final IpAddressManagement ipam;
    private final RadiusProperties properties;
    private final Clock clock;

    AccessHandler(
            LookupCache cache,
            RadiusSessionStore sessions,
            LiveCounts live,
            IpAddressManagement ipam,
            RadiusProperties properties,
            Clock clock) {
        this.cache = cache;
        this.sessions = sessions;
        this.live = live;
        this.ipam = ipam;
        this.properties = properties;
        this.clock = clock;
    }

    AccessDecision decide(NasRegistry.Client client, Packet request) {
        UUID tenant = client.nas().tenantId();
        String username = request.getAttribute(UserName.class)
                .map(a -> a.getData().getValue())
                .orElse("");
        String callingStation = request.getAttribute(CallingStationId.class)
                .map(a -> a.getData().getValue())
                .orElse(null);
        if (username.isEmpty() && callingStation == null) {
            return AccessDecision.reject("No user name");
        }
        Optional<AccessProfile> found = username.isEmpty() ? Optional.empty() : cache.byUsername(tenant, username);
        if (found.isEmpty()) {
            String mac = MAC.matcher(username).matches()
                    ? username
                    : callingStation != null && MAC.matcher(callingStation).matches() ? callingStation : null;
            if (mac != null) {
                found = cache.byMac(tenant, mac).filter(p -> p.accessType() == AccessType.IPOE);
            }
        }
        if (found.isEmpty()) {
            return AccessDecision.reject("Unknown user");
        }
        AccessProfile profile = found.get();
        byte[] msChapSuccess = null;
        if (profile.accessType() != AccessType.IPOE) {
            String password = profile.password();
            if (password == null) {
                return AccessDecision.reject("Wrong password");
            }
            Credential check = checkPassword(request, username, password);
            if (!check.valid()) {
                return AccessDecision.reject(check.reason());
            }
            msChapSuccess = check.msChapSuccess();
        }
        switch (profile.status()) {
            case PENDING -> {
                return AccessDecision.reject("Service not active yet");
            }
            case SUSPENDED -> {
                return AccessDecision.reject("Service suspended");
            }
            case TERMINATED -> {
                return AccessDecision.reject("Service terminated");
            }
            case ACTIVE -> {}
        }
        if (profile.nasId() != null && !profile.nasId().equals(client.nas().nasId())) {
            return AccessDecision.reject("Not allowed on this NAS");
        }
        LocalDate today = LocalDate.now(clock.withZone(cache.zone(tenant)));
        if (profile.expiresOn() != null && profile.expiresOn().isBefore(today)) {
            return AccessDecision.reject("Prepaid validity expired");
        }
        Optional<PlanReply> base =
                cache.reply(tenant, profile.planId(), client.nas().vendor(), 0);
        if (base.isEmpty()) {
            return AccessDecision.reject("No plan");
        }
        long used = sessions.fairUseUsage(
                tenant,
                profile.subscriptionId(),
                profile.cycleStart(),
                base.get().fairUseStepsBytes());
        PlanReply reply = cache.reply(tenant, profile.planId(), client.nas().vendor(), used)
                .orElse(base.get());
        if (reply.blocked()) {
            return AccessDecision.reject(
                    PlanReply.ALLOWANCE_USED.equals(reply.reason())
                            ? "Data allowance used up"
                            : "Fair usage limit reached");
        }
        if (live.get(profile.subscriptionId()) >= reply.simultaneousUse()) {
            return AccessDecision.reject("Simultaneous-use limit reached");
        }
        List<byte[]> attributes = new ArrayList<>();
        Integer sessionTimeout = null;
        for (PlanReply.Attribute attribute : reply.attributes()) {
            if (attribute.name().equalsIgnoreCase("Session-Timeout")) {
                sessionTimeout = Integer.parseInt(attribute.value());
            } else if (Dictionary.knows(attribute.name())) {
                attributes.add(Dictionary.encode(attribute.name(), attribute.value()));
            }
        }
        if (profile.expiresOn() != null) {
            long untilExpiry = Duration.between(
                            clock.instant(), profile.expiresOn().plusDays(1).atStartOfDay(cache.zone(tenant)))
                    .toSeconds();
            sessionTimeout = (int)
                    Math.max(60, Math.min(untilExpiry, sessionTimeout == null ? Integer.MAX_VALUE : sessionTimeout));
        }
        if (sessionTimeout != null) {
            attributes.add(Dictionary.encode("Session-Timeout", sessionTimeout.toString()));
        }
        String problem = addresses(client, profile, attributes);
        if (problem != null) {
            return AccessDecision.reject(problem);
        }
        if (profile.vlanId() != null) {
            VlanSummary vlan = cache.vlan(tenant, profile.vlanId());
            if (vlan != null) {
                attributes.add(Dictionary.encode("Tunnel-Type:1", "VLAN"));
                attributes.add(Dictionary.encode("Tunnel-Medium-Type:1", "IEEE-802"));
                attributes.add(Dictionary.encode("Tunnel-Private-Group-Id:1", String.valueOf(vlan.cVlan())));
            }
        }
        attributes.add(Dictionary.encode(
                "Acct-Interim-Interval",
                String.valueOf(properties.interimInterval().toSeconds())));
        attributes.add(Dictionary.encode("Class", CLASS_PREFIX + profile.subscriptionId()));
        if (msChapSuccess != null) {
            attributes.add(Dictionary.vendorSpecific(Dictionary.MICROSOFT, 26, msChapSuccess));
        }
        return new AccessDecision(true, "Accepted", attributes, profile.subscriptionId());
    }

    /** Framed addresses; a message when none can be given. */
    private @Nullable String addresses(NasRegistry.Client client, AccessProfile profile, List<byte[]> attributes) {
        UUID tenant = client.nas().tenantId();
        boolean nasPools = client.nas().addressing() == NasAddressing.NAS_POOL;
        if (profile.ipv4Mode() == IpMode.STATIC && profile.ipv4Address() != null) {
            attributes.add(Dictionary.encode("Framed-IP-Address", profile.ipv4Address()));
        } else if (profile.ipv4Mode() == IpMode.DYNAMIC && profile.ipv4PoolId() != null) {
            IpPoolSummary pool = cache.pool(tenant, profile.ipv4PoolId());
            if (pool != null && nasPools) {
                attributes.add(Dictionary.encode("Framed-Pool", pool.name()));
            } else if (pool != null) {
                String address = lease(tenant, pool, profile.subscriptionId());
                if (address == null) {
                    return "No address available";
                }
                attributes.add(Dictionary.encode("Framed-IP-Address", address));
            }
        }
        if (profile.ipv6Mode() == IpMode.STATIC && profile.ipv6Prefix() != null) {
            attributes.add(Dictionary.encode("Delegated-IPv6-Prefix", profile.ipv6Prefix()));
        } else if (profile.ipv6Mode() == IpMode.DYNAMIC && profile.ipv6PoolId() != null) {
            IpPoolSummary pool = cache.pool(tenant, profile.ipv6PoolId());
            if (pool != null && nasPools) {
                attributes.add(Dictionary.encode("Framed-IPv6-Pool", pool.name()));
            } else if (pool != null) {
                String prefix = lease(tenant, pool, profile.subscriptionId());
                if (prefix != null) {
                    attributes.add(Dictionary.encode(
                            "Delegated-IPv6-Prefix", prefix.contains("/") ? prefix : prefix + "/128"));
                }
            }
        }
        return null;
    }

    /** The subscription's lease in the pool: the one it has, or a new one; null when the pool is full. */
    private @Nullable String lease(UUID tenant, IpPoolSummary pool, UUID subscription) {
        return TenantContext.call(tenant, () -> {
            try {
                return ipam.lease(pool.id(), subscription).address();
            } catch (ProblemException exhausted) {
                return null;
            }
        });
    }

    @SuppressWarnings("ArrayRecordComponent") // internal, never compared or hashed
    record Credential(boolean valid, String reason, byte @Nullable [] msChapSuccess) {}

    private static Credential checkPassword(Packet request, String username, String password) {
        var pap = request.getAttribute(UserPassword.class);
        if (pap.isPresent()) {
            byte[] given = pap.get().getData().getValue();
            return MessageDigest.isEqual(given, password.getBytes(StandardCharsets.UTF_8))
                    ? new Credential(true, "", null)
                    : new Credential(false, "Wrong password", null);
        }
        var chap = request.getAttribute(ChapPassword.class);
        if (chap.isPresent()) {
            byte[] value = chap.get().getData().getValue();
            if (value.length != 17) {
                return new Credential(false, "Malformed CHAP-Password", null);
            }
            byte[] challenge = request.getAttribute(ChapChallenge.class)
                    .map(a -> a.getData().getValue())
                    .orElse(request.getReceivedFields().getAuthenticator());
            MessageDigest md5 = md5();
            md5.update(value[0]);
            md5.update(password.getBytes(StandardCharsets.UTF_8));
            md5.update(challenge);
            return MessageDigest.isEqual(md5.digest(), Arrays.copyOfRange(value, 1, 17))
                    ? new Credential(true, "", null)
                    : new Credential(false, "Wrong password", null);
        }
        byte[] msChallenge = null;
        byte[] msResponse = null;
        for (VendorSpecific vsa : request.getAttributes(VendorSpecific.class)) {
            if (vsa.getData().getVendorId() == Dictionary.MICROSOFT) {
                if (vsa.getData().getVendorType() == 11) {
                    msChallenge = vsa.getData().getVsaData();
                } else if (vsa.getData().getVendorType() == 25) {
                    msResponse = vsa.getData().getVsaData();
                }
            }
        }
        if (msChallenge != null && msResponse != null) {
            if (msChallenge.length != 16 || msResponse.length != 50) {
                return new Credential(false, "Malformed MS-CHAPv2", null);
            }
            byte[] peerChallenge = Arrays.copyOfRange(msResponse, 2, 18);
            byte[] ntResponse = Arrays.copyOfRange(msResponse, 26, 50);
            if (!MsChapV2.verify(msChallenge, peerChallenge, ntResponse, username, password)) {
                return new Credential(false, "Wrong password", null);
            }
            String success = MsChapV2.authenticatorResponse(msChallenge, peerChallenge, ntResponse, username, password);
            byte[] ascii = success.getBytes(StandardCharsets.US_ASCII);
            byte[] value = new byte[ascii.length + 1];
            value[0] = msResponse[0];
            System.arraycopy(ascii, 0, value, 1, ascii.length);
            return new Credential(true, "", value);
        }
        return new Credential(false, "No supported credentials (PAP, CHAP or MS-CHAPv2)", null);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
