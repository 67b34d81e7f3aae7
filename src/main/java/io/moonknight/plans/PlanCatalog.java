package io.moonknight.plans;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Looks plans up for other modules (in the bound tenant). */
public interface PlanCatalog {

    Optional<PlanSummary> find(UUID planId);

    /**
     * The plan's reply for a NAS vendor now (in the tenant's timezone) after {@code usedBytes} in the cycle;
     * empty when there is no such plan.
     */
    Optional<PlanReply> reply(UUID planId, io.moonknight.network.NasVendor vendor, long usedBytes);

    /** Active plans, cheapest first: what can be sold. */
    List<PlanSummary> sellable();
}
