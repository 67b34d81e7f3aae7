/**
 * The audit trail: an append-only record of every state-changing action (who, what, when, from where).
 * Entity changes are recorded automatically; modules record other actions through {@link io.moonknight.audit.AuditTrail}.
 */
@ApplicationModule(displayName = "Audit")
@NullMarked
package io.moonknight.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
