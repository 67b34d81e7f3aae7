/**
 * Service plans: what a subscriber buys (billing type, price, validity, quota) and how fast it runs (rates,
 * bursts, fair-usage and time-of-day rules, limits), rendered to RADIUS reply attributes per NAS vendor. Other
 * modules read plans through {@link io.moonknight.plans.PlanCatalog}.
 */
@ApplicationModule(displayName = "Plans")
@NullMarked
package io.moonknight.plans;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
