package io.moonknight.radius.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.moonknight.network.IpAddressManagement;
import io.moonknight.shared.tenant.TenantContext;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Tells IPAM which address each live session uses, as the NAS reports it in accounting (Framed-IP-Address), so
 * an address IPAM did not hand out (the NAS chose it, or it was assigned by hand) is recorded as in use and never
 * handed to anyone else, and one allocated to someone else is flagged ({@link IpAddressManagement#observe}).
 *
 * <p>Accounting stays fast: each session's address is checked once, off the packet's thread and the accounting
 * writer, then remembered per NAS, session and address; an Interim-Update of a session already checked costs one
 * in-memory look-up. The check is repeated every {@link #RECHECK} while the session lasts, in case its addresses
 * were released meanwhile (the session was closed as stale but is still alive).
 */
@Component
class FramedAddresses implements DisposableBean {

    static final Duration RECHECK = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(FramedAddresses.class);

    record SessionAddress(UUID nas, String acctSessionId, String address) {}

    private final IpAddressManagement ipam;
    private final Cache<SessionAddress, Boolean> checked = Caffeine.newBuilder()
            .expireAfterWrite(RECHECK)
            .maximumSize(2_000_000)
            .build();
    // Two threads and a bounded queue: a burst of new sessions (a NAS reboot) cannot take the whole connection pool.
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(
            2,
            2,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(50_000),
            Thread.ofVirtual().name("radius-framed-address-", 0).factory());

    FramedAddresses(IpAddressManagement ipam) {
        this.ipam = ipam;
    }

    /** A Start or Interim-Update reported the session's address: recorded with IPAM unless already checked. */
    void reported(UUID tenant, UUID nas, String acctSessionId, UUID subscription, String address) {
        var key = new SessionAddress(nas, acctSessionId, address);
        if (checked.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
            return;
        }
        try {
            executor.execute(() -> observe(tenant, subscription, key));
        } catch (RejectedExecutionException busy) {
            checked.invalidate(key); // tried again with the session's next Interim-Update
        }
    }

    private void observe(UUID tenant, UUID subscription, SessionAddress key) {
        try {
            TenantContext.run(tenant, () -> ipam.observe(key.address(), subscription));
        } catch (RuntimeException e) {
            checked.invalidate(key);
            log.warn("Could not record {} of subscription {} with IPAM", key.address(), subscription, e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
