package io.moonknight.customers.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomFieldRepository extends JpaRepository<CustomField, UUID> {

    List<CustomField> findAllByOrderByPositionAscLabelAsc();

    Optional<CustomField> findByKey(String key);
}
