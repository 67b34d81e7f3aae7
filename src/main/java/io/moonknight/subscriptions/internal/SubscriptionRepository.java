package io.moonknight.subscriptions.internal;

import io.moonknight.subscriptions.SubscriptionStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriptionRepository extends JpaRepository<Subscription, UUID> {

    List<Subscription> findAllByCustomerIdOrderByCreatedAtDesc(UUID customerId);

    long countByStatus(SubscriptionStatus status);

    List<Subscription> findAllByStatusInOrderByCreatedAt(java.util.Collection<SubscriptionStatus> statuses);

    List<Subscription> findAllByStatusAndStatusChangedAtGreaterThanEqualOrderByCreatedAt(
            SubscriptionStatus status, java.time.Instant since);
}
