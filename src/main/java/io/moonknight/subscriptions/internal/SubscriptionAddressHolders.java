package io.moonknight.subscriptions.internal;

import io.moonknight.network.AddressHolders;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the network module whether a subscription named as an address's holder exists in the bound tenant. */
@Component
class SubscriptionAddressHolders implements AddressHolders {

    private final SubscriptionRepository subscriptions;

    SubscriptionAddressHolders(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public String holderType() {
        return SubscriptionService.HOLDER;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(UUID holderId) {
        return subscriptions.existsById(holderId); // the bound tenant's only (Hibernate @TenantId)
    }
}
