package io.moonknight.customers.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ImportRepository extends JpaRepository<ImportJob, UUID> {

    List<ImportJob> findTop20ByOrderByCreatedAtDesc();
}
