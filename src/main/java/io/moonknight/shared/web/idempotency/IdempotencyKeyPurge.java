package io.moonknight.shared.web.idempotency;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets idempotency keys once they are older than {@link IdempotencyKeys#RETENTION} (24 hours). */
@Component
class IdempotencyKeyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final IdempotencyKeys keys;

    IdempotencyKeyPurge(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    @SchedulerLock(name = "shared.purge-idempotency-keys", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void purge() {
        int purged = keys.purge();
        if (purged > 0) {
            log.info("Purged {} idempotency key(s) older than {}", purged, IdempotencyKeys.RETENTION);
        }
    }
}
