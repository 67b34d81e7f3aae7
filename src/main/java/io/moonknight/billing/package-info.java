/**
 * Billing: per-customer billing accounts, the ledger (the only source of a balance), invoices with proration and
 * taxes and gapless numbers, idempotent billing runs, and manual payments allocated to open invoices.
 */
@ApplicationModule(displayName = "Billing")
@NullMarked
package io.moonknight.billing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
