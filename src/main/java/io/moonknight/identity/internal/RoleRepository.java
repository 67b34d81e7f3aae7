package io.moonknight.identity.internal;

import io.moonknight.shared.security.BuiltInRole;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface RoleRepository extends JpaRepository<Role, UUID> {

    Optional<Role> findByBuiltin(BuiltInRole builtIn);

    /** The built-in role's row, locked: serialises the changes that could leave the tenant without an Admin. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Role> findWithLockByBuiltin(BuiltInRole builtIn);

    boolean existsByNameIgnoreCase(String name);

    List<Role> findAllByOrderByBuiltinAscNameAsc();
}
