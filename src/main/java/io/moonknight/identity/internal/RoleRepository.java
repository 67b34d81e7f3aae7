package io.moonknight.identity.internal;

import io.moonknight.shared.security.BuiltInRole;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RoleRepository extends JpaRepository<Role, UUID> {

    Optional<Role> findByBuiltin(BuiltInRole builtIn);

    boolean existsByNameIgnoreCase(String name);

    List<Role> findAllByOrderByBuiltinAscNameAsc();
}
