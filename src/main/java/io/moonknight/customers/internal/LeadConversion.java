package io.moonknight.customers.internal;

import io.moonknight.shared.events.CustomerActivity;
import io.moonknight.shared.tenant.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A lead whose service starts (any module's {@link CustomerActivity} that {@linkplain CustomerActivity#startsService
 * starts service}, today a subscription's activation) becomes an active customer, so the customers list and the
 * "Leads" card stop counting it.
 */
@Component
class LeadConversion {

    private final CustomerService customers;

    LeadConversion(CustomerService customers) {
        this.customers = customers;
    }

    /**
     * After the activation's commit (the event publication registry keeps the event until this has run). Not an
     * {@code @ApplicationModuleListener}: its transaction would open before the tenant is bound, and Hibernate takes
     * the tenant when the session opens; {@link CustomerService#serviceStarted} opens its own once it is bound.
     */
    @TransactionalEventListener
    void on(CustomerActivity activity) {
        if (activity.startsService()) {
            TenantContext.run(activity.tenantId(), () -> customers.serviceStarted(activity.customerId()));
        }
    }
}
