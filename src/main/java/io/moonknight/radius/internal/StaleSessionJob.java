package io.moonknight.radius.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes sessions the NAS stopped reporting: no update for 2.5 interim intervals (a lost Stop, a NAS that went
 * away), so they stop counting against simultaneous use and give their addresses back.
 */
@Component
class StaleSessionJob {

    private static final Logger log = LoggerFactory.getLogger(StaleSessionJob.class);

    private final RadiusSessionStore store;
    private final Enforcement enforcement;
    private final Clock clock;

    StaleSessionJob(RadiusSessionStore store, Enforcement enforcement, Clock clock) {
        this.store = store;
        this.enforcement = enforcement;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    @SchedulerLock(name = "radius.stale-sessions", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
    void run() {
        closeStale(clock.instant());
    }

    int closeStale(Instant now) {
        var closed = store.close(
                // typed: an untyped parameter minus an interval is read as an interval (timestamptz < interval)
                "updated_at < cast(:now as timestamptz) - make_interval(secs => interim_interval * 2.5)",
                Map.of("now", java.sql.Timestamp.from(now)),
                "Stale",
                now);
        if (!closed.isEmpty()) {
            log.info("Closed {} stale RADIUS session(s)", closed.size());
            enforcement.sessionsEnded(closed);
        }
        return closed.size();
    }
}
