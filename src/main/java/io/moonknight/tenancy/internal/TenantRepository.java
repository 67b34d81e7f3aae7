package io.moonknight.tenancy.internal;

import io.moonknight.tenancy.TenantStatus;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TenantRepository extends JpaRepository<Tenant, UUID> {

    Optional<Tenant> findBySlug(String slug);

    boolean existsBySlug(String slug);

    @Query("""
        select t from Tenant t
        where (:status is null or t.status = :status)
          and (:q is null or lower(t.name) like lower(concat('%', cast(:q as string), '%'))
               or t.slug like lower(concat('%', cast(:q as string), '%')))
        """)
    Page<Tenant> search(@Nullable String q, @Nullable TenantStatus status, Pageable pageable);
}
