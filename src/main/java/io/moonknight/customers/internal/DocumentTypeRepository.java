package io.moonknight.customers.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentTypeRepository extends JpaRepository<DocumentType, UUID> {

    List<DocumentType> findAllByOrderByPositionAscNameAsc();

    Optional<DocumentType> findByCode(String code);
}
