package io.moonknight.plans;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A plan as other modules see it. */
public record PlanSummary(
        UUID id,
        String code,
        String name,
        BillingType billingType,
        PlanStatus status,
        BigDecimal price,
        String currency,
        String taxClass,
        BigDecimal setupFee,
        @Nullable Integer validityDays,
        @Nullable Long quotaMb,
        @Nullable BigDecimal overagePricePerGb,
        @Nullable Integer timeLimitMinutes,
        long downloadKbps,
        long uploadKbps,
        int simultaneousUse,
        @Nullable UUID ipv4PoolId,
        @Nullable UUID ipv6PoolId) {

    public boolean active() {
        return status == PlanStatus.ACTIVE;
    }
}
