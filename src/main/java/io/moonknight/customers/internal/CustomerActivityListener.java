package io.moonknight.customers.internal;

import io.moonknight.shared.events.CustomerActivity;
import io.moonknight.shared.tenant.TenantContext;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts any module's {@link CustomerActivity} event on the customer's timeline. The event registry keeps the
 * event until this has run, so no entry is lost to a crash.
 */
@Component
class CustomerActivityListener {

    private final HistoryStore history;

    CustomerActivityListener(HistoryStore history) {
        this.history = history;
    }

    @ApplicationModuleListener
    void on(CustomerActivity activity) {
        TenantContext.run(
                activity.tenantId(),
                () -> history.add(
                        activity.tenantId(),
                        new HistoryStore.Entry(
                                activity.customerId(),
                                activity.occurredAt(),
                                activity.activityKind(),
                                activity.activityTitle(),
                                activity.activityDetails(),
                                null,
                                activity.referenceType(),
                                activity.referenceId())));
    }
}
