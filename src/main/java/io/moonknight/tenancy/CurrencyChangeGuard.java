package io.moonknight.tenancy;

import java.util.Currency;
import java.util.UUID;

/**
 * Asked before a tenant's currency changes. Implemented by modules that keep money in it (billing); tenancy calls
 * every guard inside the transaction that changes the currency, so a refusal leaves the tenant unchanged.
 */
public interface CurrencyChangeGuard {

    /**
     * Throws a 409 problem naming the field {@code currency} when the change is not allowed (money has moved in
     * the old currency); otherwise moves whatever follows the tenant's currency to the new one.
     */
    void currencyChanging(UUID tenantId, Currency from, Currency to);
}
