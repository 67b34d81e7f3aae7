package io.moonknight.billing.internal;

import io.moonknight.billing.PaymentReceived;
import io.moonknight.shared.tenant.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a payment sets off, after it is committed (the event publication registry keeps the event until this has
 * run, so a crash in between loses nothing): dunning resumes what it suspended when nothing is overdue any more, and
 * prepaid services that ran out renew if the credit now pays for them.
 */
@Component
class PaymentReactions {

    private final Dunning dunning;
    private final Prepaid prepaid;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PaymentReactions(
            Dunning dunning, Prepaid prepaid, Accounts accounts, TransactionTemplate transactions, Clock clock) {
        this.dunning = dunning;
        this.prepaid = prepaid;
        this.accounts = accounts;
        this.clock = clock;
        // transactions opened once the tenant is bound (Hibernate takes the tenant when a session opens)
        this.transactions =
                new TransactionTemplate(java.util.Objects.requireNonNull(transactions.getTransactionManager()));
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Without a transaction of the listener's own ({@code NOT_SUPPORTED}): it would hold a connection while the
     * work waits for a second one, and a burst of payments (the demo data's) then took every connection of the pool.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PaymentReceived payment) {
        TenantContext.run(payment.tenantId(), () -> {
            transactions.executeWithoutResult(status -> {
                // under the account's lock, like a dunning step: a step and this resume never interleave
                accounts.lockFor(payment.customerId());
                dunning.cleared(payment.customerId(), LocalDate.now(clock.withZone(accounts.tenantZone())));
            });
            transactions.executeWithoutResult(status -> prepaid.paid(payment.customerId()));
        });
    }
}
