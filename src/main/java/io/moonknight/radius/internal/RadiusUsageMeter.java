package io.moonknight.radius.internal;

import io.moonknight.radius.UsageMeter;
import io.moonknight.shared.db.SqlArrays;
import io.moonknight.shared.tenant.TenantContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link UsageMeter} from the daily usage rows, which only ever grow. */
@Component
class RadiusUsageMeter implements UsageMeter {

    private final JdbcClient jdbc;

    RadiusUsageMeter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, Long> totalBytes(Collection<UUID> subscriptionIds) {
        Map<UUID, Long> totals = new HashMap<>();
        if (subscriptionIds.isEmpty()) {
            return totals;
        }
        jdbc.sql("""
            select subscription_id, sum(input_octets + output_octets) as total from radius.usage_daily
            where tenant_id = :t and subscription_id = any(cast(:ids as uuid[])) group by subscription_id
            """)
                .param("t", TenantContext.require())
                .param("ids", SqlArrays.literal(subscriptionIds))
                .query((row, i) -> Map.entry(row.getObject("subscription_id", UUID.class), row.getLong("total")))
                .list()
                .forEach(e -> totals.put(e.getKey(), e.getValue()));
        return totals;
    }
}
