package io.moonknight.identity.internal;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, UUID> {

    @EntityGraph(attributePaths = "roles")
    Optional<User> findByUsername(String username);

    @EntityGraph(attributePaths = "roles")
    Optional<User> findWithRolesById(UUID id);

    boolean existsByUsername(String username);

    @Query("""
        select u from User u
        where (:status is null or u.status = :status)
          and (:roleId is null or exists (select 1 from u.roles r where r.id = :roleId))
          and (:q is null
               or u.username like lower(concat('%', cast(:q as string), '%'))
               or lower(u.fullName) like lower(concat('%', cast(:q as string), '%'))
               or lower(u.email) like lower(concat('%', cast(:q as string), '%')))
        """)
    Page<User> search(@Nullable String q, @Nullable UserStatus status, @Nullable UUID roleId, Pageable pageable);

    @Query("select count(u) from User u join u.roles r where r.id = :roleId")
    long countByRole(UUID roleId);

    @Query("select count(distinct u) from User u join u.roles r where u.status ="
            + " io.moonknight.identity.internal.UserStatus.ACTIVE and r.id in :roleIds")
    long countActiveWithAnyRole(java.util.Collection<UUID> roleIds);
}
