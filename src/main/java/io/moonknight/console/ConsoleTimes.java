package io.moonknight.console;

import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.tenancy.TenantDirectory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Shows instants in the viewer's tenant timezone (UTC for the platform). Templates call
 * {@code ${@times.format(instant)}}; controllers can take a {@link ZoneId} parameter.
 */
@Component("times")
public class ConsoleTimes {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TenantDirectory tenants;

    ConsoleTimes(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    public ZoneId zone() {
        return TenantContext.current()
                .flatMap(tenants::find)
                .map(tenant -> ZoneId.of(tenant.timezone()))
                .orElse(ZoneOffset.UTC);
    }

    public String format(@Nullable Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone()));
    }

    public String precise(@Nullable Instant instant) {
        return instant == null ? "" : DATE_TIME_SECONDS.format(instant.atZone(zone()));
    }

    public String zoneName() {
        return zone().getId();
    }
}
