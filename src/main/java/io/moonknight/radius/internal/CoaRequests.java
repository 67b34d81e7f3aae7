package io.moonknight.radius.internal;

import io.moonknight.subscriptions.SubscriptionPlanChanged;
import io.moonknight.subscriptions.SubscriptionResumed;
import io.moonknight.subscriptions.SubscriptionSuspended;
import io.moonknight.subscriptions.SubscriptionTerminated;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The durable way from a suspension, termination or plan change to the NAS. The request is a row in
 * {@code radius.coa_requests}, written in the same transaction as the change, so a crash cannot lose it. After
 * the commit this instance tries it at once; a scheduled worker (one instance at a time) picks up whatever is due:
 * requests whose NAS did not confirm every session, with backoff, and requests no instance got to (a crash right
 * after the commit). Each request is claimed with {@code for update skip locked} and leased for
 * {@link #LEASE}, so two instances never send it at once; a request is done when the subscription has no
 * unconfirmed session left, and given up after {@link #MAX_ATTEMPTS}. Its status, attempts and last answer stay
 * on the row, and each session's last answer on the session.
 */
@Component
class CoaRequests {

    private static final Logger log = LoggerFactory.getLogger(CoaRequests.class);

    static final int MAX_ATTEMPTS = 15;
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(15);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
    private static final int BATCH = 50;

    enum Kind {
        DISCONNECT,
        RATE
    }

    record Claimed(UUID id, UUID tenant, UUID subscription, Kind kind, String reason, int attempts) {}

    private final JdbcClient jdbc;
    private final Enforcement enforcement;
    private final LookupCache cache;
    /** Only a nudge to send at once after a commit: the row is the request, the worker sends it if this does not. */
    private final ExecutorService nudges = Executors.newVirtualThreadPerTaskExecutor();

    CoaRequests(JdbcClient jdbc, Enforcement enforcement, LookupCache cache) {
        this.jdbc = jdbc;
        this.enforcement = enforcement;
        this.cache = cache;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void record(SubscriptionSuspended event) {
        enqueue(event.tenantId(), event.subscriptionId(), Kind.DISCONNECT, "suspended");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void record(SubscriptionTerminated event) {
        enqueue(event.tenantId(), event.subscriptionId(), Kind.DISCONNECT, "terminated");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void record(SubscriptionPlanChanged event) {
        enqueue(event.tenantId(), event.subscriptionId(), Kind.RATE, "plan changed");
    }

    /** Resumed before the Disconnect got through: the subscriber may stay online. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void record(SubscriptionResumed event) {
        jdbc.sql("""
            update radius.coa_requests set status = 'CANCELLED', finished_at = now(), last_result = 'resumed'
            where tenant_id = :t and subscription_id = :s and kind = 'DISCONNECT' and status = 'PENDING'
            """)
                .param("t", event.tenantId())
                .param("s", event.subscriptionId())
                .update();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void committed(SubscriptionSuspended event) {
        sendSoon(event.subscriptionId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void committed(SubscriptionTerminated event) {
        sendSoon(event.subscriptionId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void committed(SubscriptionPlanChanged event) {
        sendSoon(event.subscriptionId());
    }

    /** The cached subscriber goes first (the next login is refused, a CoA reads the new plan), then the NAS. */
    private void sendSoon(UUID subscription) {
        cache.forgetSubscription(subscription);
        nudges.execute(() -> {
            try {
                sendDue();
            } catch (RuntimeException e) {
                log.warn("Could not send CoA / Disconnect requests now; the worker will", e);
            }
        });
    }

    void enqueue(UUID tenant, UUID subscription, Kind kind, String reason) {
        jdbc.sql("""
            insert into radius.coa_requests (id, tenant_id, subscription_id, kind, reason, next_attempt_at, created_at)
            values (:id, :t, :s, :kind, :reason, now(), now())
            """)
                .param("id", UUID.randomUUID())
                .param("t", tenant)
                .param("s", subscription)
                .param("kind", kind.name())
                .param("reason", reason)
                .update();
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "PT5S")
    @SchedulerLock(name = "radius.coa-requests", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1S")
    void run() {
        sendDue();
        jdbc.sql("delete from radius.coa_requests where status <> 'PENDING' and finished_at < now() - interval"
                        + " '30 days'")
                .update();
    }

    /** Sends every request that is due, in parallel; returns how many were tried. */
    int sendDue() {
        int tried = 0;
        List<Claimed> claimed;
        do {
            claimed = claim();
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Claimed request : claimed) {
                    executor.execute(() -> attempt(request));
                }
            }
            tried += claimed.size();
        } while (claimed.size() == BATCH);
        return tried;
    }

    /** Takes due requests for {@link #LEASE}: another instance skips them, and gets them back if this one dies. */
    private List<Claimed> claim() {
        return jdbc.sql("""
            update radius.coa_requests r set attempts = r.attempts + 1,
                next_attempt_at = now() + make_interval(secs => :lease)
            where r.id in (
                select id from radius.coa_requests where status = 'PENDING' and next_attempt_at <= now()
                order by next_attempt_at limit :batch for update skip locked
            )
            returning r.id, r.tenant_id, r.subscription_id, r.kind, r.reason, r.attempts
            """)
                .param("lease", LEASE.toSeconds())
                .param("batch", BATCH)
                .query((row, i) -> new Claimed(
                        row.getObject("id", UUID.class),
                        row.getObject("tenant_id", UUID.class),
                        row.getObject("subscription_id", UUID.class),
                        Kind.valueOf(row.getString("kind")),
                        row.getString("reason"),
                        row.getInt("attempts")))
                .list();
    }

    private void attempt(Claimed request) {
        Enforcement.Attempt attempt;
        try {
            attempt = switch (request.kind()) {
                case DISCONNECT -> enforcement.disconnectAll(request.subscription(), request.reason());
                case RATE -> enforcement.changeRate(request.tenant(), request.subscription(), request.reason());
            };
        } catch (RuntimeException e) {
            log.warn("{} request {} failed", request.kind(), request.id(), e);
            attempt = new Enforcement.Attempt(0, 1, "error: " + e.getMessage());
        }
        if (attempt.complete()) {
            finish(request, "DONE", attempt.detail());
        } else if (request.attempts() >= MAX_ATTEMPTS) {
            log.warn(
                    "Gave up the {} ({}) of subscription {} after {} attempts: {}",
                    request.kind(),
                    request.reason(),
                    request.subscription(),
                    request.attempts(),
                    attempt.detail());
            finish(request, "FAILED", attempt.detail());
        } else {
            Duration wait = backoff(request.attempts());
            log.info(
                    "{} ({}) of subscription {} not confirmed ({}); attempt {} in {}s",
                    request.kind(),
                    request.reason(),
                    request.subscription(),
                    attempt.detail(),
                    request.attempts() + 1,
                    wait.toSeconds());
            jdbc.sql("""
                update radius.coa_requests set next_attempt_at = now() + make_interval(secs => :wait), last_result = :r
                where id = :id and status = 'PENDING'
                """)
                    .param("wait", wait.toSeconds())
                    .param("r", attempt.detail())
                    .param("id", request.id())
                    .update();
        }
    }

    private void finish(Claimed request, String status, String detail) {
        jdbc.sql("""
            update radius.coa_requests set status = :status, finished_at = now(), last_result = :r
            where id = :id and status = 'PENDING'
            """)
                .param("status", status)
                .param("r", detail)
                .param("id", request.id())
                .update();
    }

    /** 15 s after the first attempt, doubling, at most 10 minutes apart. */
    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
