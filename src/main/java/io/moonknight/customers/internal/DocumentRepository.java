package io.moonknight.customers.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentRepository extends JpaRepository<CustomerDocument, UUID> {

    List<CustomerDocument> findAllByCustomerIdOrderByUploadedAtDesc(UUID customerId);

    Optional<CustomerDocument> findByIdAndCustomerId(UUID id, UUID customerId);
}
