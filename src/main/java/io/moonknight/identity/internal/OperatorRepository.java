package io.moonknight.identity.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface OperatorRepository extends JpaRepository<PlatformOperator, UUID> {

    Optional<PlatformOperator> findByUsername(String username);
}
