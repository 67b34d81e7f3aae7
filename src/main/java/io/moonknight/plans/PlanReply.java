package io.moonknight.plans;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A plan as a RADIUS server answers with it, for one NAS vendor, at the current local time of the tenant and a
 * usage in the current cycle.
 *
 * @param blocked fair usage blocks the service: the login is refused with {@code reason}
 * @param attributes reply attributes by dictionary name ({@code Mikrotik-Rate-Limit}, {@code Session-Timeout}, ...)
 * @param fairUseStepsBytes cycle usages at which the speed changes, ascending: crossing one needs a CoA
 */
public record PlanReply(
        boolean blocked,
        @Nullable String reason,
        List<Attribute> attributes,
        List<Long> fairUseStepsBytes,
        int simultaneousUse) {

    /** The reason given when a data pack or voucher plan's own allowance is used up. */
    public static final String ALLOWANCE_USED = "data allowance used up";

    /** One reply attribute: its dictionary name (with an optional {@code :tag}) and text value. */
    public record Attribute(String name, String value) {}
}
