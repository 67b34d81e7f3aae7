package io.moonknight.radius.internal;

import io.moonknight.network.IpAddressManagement;
import io.moonknight.plans.PlanReply;
import io.moonknight.radius.domain.Dictionary;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.subscriptions.AccessProfile;
import io.moonknight.subscriptions.SubscriptionActivated;
import io.moonknight.subscriptions.SubscriptionCreated;
import io.moonknight.subscriptions.SubscriptionResumed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Makes the network follow the subscriptions: suspension and termination disconnect live sessions (and the next
 * login is refused, as the cached subscriber is dropped at once); a plan change or a fair-use step crossed sends
 * a CoA with the new rate (a Disconnect where the NAS has no CoA, or refuses it); dynamic addresses go back to
 * the pool when a subscription's last session ends. Each result is kept on the session row. Suspension,
 * termination and plan changes reach {@link #disconnectAll} and {@link #changeRate} through {@link CoaRequests},
 * which retries them until the NAS confirms.
 */
@Component
class Enforcement {

    private static final Logger log = LoggerFactory.getLogger(Enforcement.class);

    private final LookupCache cache;
    private final RadiusSessionStore store;
    private final NasRegistry registry;
    private final DynamicAuthClient client;
    private final IpAddressManagement ipam;
    private final LiveCounts live;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    Enforcement(
            LookupCache cache,
            RadiusSessionStore store,
            NasRegistry registry,
            DynamicAuthClient client,
            IpAddressManagement ipam,
            LiveCounts live,
            Clock clock) {
        this.live = live;
        this.cache = cache;
        this.store = store;
        this.registry = registry;
        this.client = client;
        this.ipam = ipam;
        this.clock = clock;
    }

    // Suspension, termination and plan changes go through CoaRequests (a durable outbox), which drops the cached
    // subscriber and then calls disconnectAll / changeRate until the NAS confirms.

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SubscriptionActivated event) {
        cache.forgetSubscription(event.subscriptionId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SubscriptionResumed event) {
        cache.forgetSubscription(event.subscriptionId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SubscriptionCreated event) {
        cache.sync(); // its username or MAC may be cached as unknown
    }

    /** After an accounting packet is written: leases back when the last session ended, CoA on a fair-use step. */
    void accounted(NasRegistry.Client nas, AccessProfile profile, RadiusSessionStore.Applied applied) {
        if (applied.ended()) {
            sessionsEnded(List.of(new RadiusSessionStore.Closed(applied.tenant(), applied.subscription())));
            return;
        }
        long delta = applied.input() + applied.output();
        if (delta <= 0) {
            return;
        }
        var base = cache.reply(profile.tenantId(), profile.planId(), nas.nas().vendor(), 0);
        if (base.isEmpty() || base.get().fairUseStepsBytes().isEmpty()) {
            return;
        }
        executor.execute(() -> {
            long after = store.cycleUsage(profile.tenantId(), profile.subscriptionId(), profile.cycleStart());
            List<Long> steps = base.get().fairUseStepsBytes();
            if (LookupCache.step(steps, after - delta) != LookupCache.step(steps, after)) {
                changeRate(profile.tenantId(), profile.subscriptionId(), "fair-use step crossed");
            }
        });
    }

    /** Gives dynamic addresses back for subscriptions that have no session left. */
    void sessionsEnded(List<RadiusSessionStore.Closed> closed) {
        Set<UUID> done = new HashSet<>();
        for (RadiusSessionStore.Closed c : closed) {
            live.ended(c.subscription());
            if (done.add(c.subscription()) && store.liveCount(c.subscription()) == 0) {
                try {
                    TenantContext.run(c.tenant(), () -> ipam.releaseAll(IpAddressManagement.LEASE, c.subscription()));
                } catch (RuntimeException e) {
                    log.warn("Could not release the leases of subscription {}", c.subscription(), e);
                }
            }
        }
    }

    /**
     * A data pack started or ended: a subscriber past a fair-use step gets the rate that now applies (the full
     * one while a pack lasts, the reduced one or a disconnect after it).
     */
    void topUpChanged(UUID tenant, UUID subscription) {
        executor.execute(() -> {
            var profile = cache.bySubscription(tenant, subscription);
            if (profile.isEmpty()) {
                return;
            }
            List<Long> steps = fairUseSteps(tenant, profile.get().planId());
            if (!steps.isEmpty()
                    && LookupCache.step(
                                    steps,
                                    store.cycleUsage(
                                            tenant, subscription, profile.get().cycleStart()))
                            > 0) {
                changeRate(tenant, subscription, "data pack changed");
            }
        });
    }

    /**
     * What one pass over a subscription's live sessions achieved: how many there were, how many the NAS did not
     * confirm (to be tried again), and the last NAS answer.
     */
    record Attempt(int sessions, int unconfirmed, String detail) {

        static Attempt of(int sessions, int unconfirmed, @Nullable String lastFailure) {
            if (sessions == 0) {
                return new Attempt(0, 0, "no live session");
            }
            String done = (sessions - unconfirmed) + " of " + sessions + " session(s) confirmed";
            return new Attempt(sessions, unconfirmed, lastFailure == null ? done : done + "; " + lastFailure);
        }

        boolean complete() {
            return unconfirmed == 0;
        }
    }

    /** Disconnects every live session of a subscription; sessions the NAS confirmed are closed here too. */
    Attempt disconnectAll(UUID subscription, String why) {
        var sessions = store.live("subscription_id = :s", Map.of("s", subscription));
        int unconfirmed = 0;
        String lastFailure = null;
        for (RadiusSessionStore.Live session : sessions) {
            var result = sendDisconnect(session, why);
            if (result.outcome() != DynamicAuthClient.Outcome.ACK) {
                unconfirmed++;
                lastFailure = result.outcome() + ": " + result.detail();
            }
        }
        return Attempt.of(sessions.size(), unconfirmed, lastFailure);
    }

    /** Sends a Disconnect-Request for one session; on ACK the session is closed here too. */
    boolean disconnect(RadiusSessionStore.Live session, String why) {
        return sendDisconnect(session, why).outcome() == DynamicAuthClient.Outcome.ACK;
    }

    private DynamicAuthClient.Result sendDisconnect(RadiusSessionStore.Live session, String why) {
        NasRegistry.Client nas = registry.byId(session.nas());
        if (nas == null) {
            var unknown = new DynamicAuthClient.Result(DynamicAuthClient.Outcome.ERROR, "NAS unknown or disabled");
            store.recordAction(session.id(), "disconnect (" + why + ")", unknown.detail(), clock.instant());
            return unknown;
        }
        var result = client.send(nas, DynamicAuthClient.DISCONNECT_REQUEST, identify(session));
        registry.seen(nas.nas().nasId(), NasRegistry.Outcome.COA);
        store.recordAction(
                session.id(), "disconnect (" + why + ")", result.outcome() + ": " + result.detail(), clock.instant());
        if (result.outcome() == DynamicAuthClient.Outcome.ACK) {
            var closed = store.close("id = :id", Map.of("id", session.id()), "Admin-Reset", clock.instant());
            sessionsEnded(closed);
        }
        return result;
    }

    /** The plan's fair-use steps (the same for every NAS vendor). */
    private List<Long> fairUseSteps(UUID tenant, UUID plan) {
        return cache.reply(tenant, plan, io.moonknight.network.NasVendor.OTHER, 0)
                .map(PlanReply::fairUseStepsBytes)
                .orElse(List.of());
    }

    /**
     * Sends the subscription's current rate to its live sessions (CoA), or disconnects where CoA is not possible or
     * fails.
     */
    Attempt changeRate(UUID tenant, UUID subscription, String why) {
        var profile = cache.bySubscription(tenant, subscription);
        if (profile.isEmpty()) {
            return Attempt.of(0, 0, null); // gone: nothing to enforce
        }
        long used = store.fairUseUsage(
                tenant,
                subscription,
                profile.get().cycleStart(),
                fairUseSteps(tenant, profile.get().planId()));
        var sessions = store.live("subscription_id = :s", Map.of("s", subscription));
        int unconfirmed = 0;
        String lastFailure = null;
        for (RadiusSessionStore.Live session : sessions) {
            var result = changeRate(session, tenant, profile.get().planId(), used, why);
            if (result.outcome() != DynamicAuthClient.Outcome.ACK) {
                unconfirmed++;
                lastFailure = result.outcome() + ": " + result.detail();
            }
        }
        return Attempt.of(sessions.size(), unconfirmed, lastFailure);
    }

    private DynamicAuthClient.Result changeRate(
            RadiusSessionStore.Live session, UUID tenant, UUID plan, long used, String why) {
        NasRegistry.Client nas = registry.byId(session.nas());
        if (nas == null) {
            return new DynamicAuthClient.Result(DynamicAuthClient.Outcome.ERROR, "NAS unknown or disabled");
        }
        PlanReply reply = cache.reply(tenant, plan, nas.nas().vendor(), used).orElse(null);
        if (reply == null || reply.blocked() || !nas.nas().supportsCoa()) {
            return sendDisconnect(session, why);
        }
        List<byte[]> attributes = new ArrayList<>(identify(session));
        for (PlanReply.Attribute attribute : reply.attributes()) {
            if (Dictionary.knows(attribute.name())) {
                attributes.add(Dictionary.encode(attribute.name(), attribute.value()));
            }
        }
        var result = client.send(nas, DynamicAuthClient.COA_REQUEST, attributes);
        registry.seen(nas.nas().nasId(), NasRegistry.Outcome.COA);
        store.recordAction(
                session.id(), "CoA (" + why + ")", result.outcome() + ": " + result.detail(), clock.instant());
        if (result.outcome() != DynamicAuthClient.Outcome.ACK) {
            return sendDisconnect(session, why + ", CoA failed");
        }
        return result;
    }

    private static List<byte[]> identify(RadiusSessionStore.Live session) {
        List<byte[]> attributes = new ArrayList<>();
        if (session.username() != null) {
            attributes.add(
                    Dictionary.attribute(1, session.username().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        attributes.add(
                Dictionary.attribute(44, session.acctSessionId().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (session.framedIp() != null) {
            attributes.add(Dictionary.encode("Framed-IP-Address", session.framedIp()));
        }
        return attributes;
    }
}
