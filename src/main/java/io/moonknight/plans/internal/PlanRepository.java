package io.moonknight.plans.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanRepository extends JpaRepository<Plan, UUID> {

    boolean existsByCodeIgnoreCaseAndIdNot(String code, UUID id);

    List<Plan> findAllByIpv4PoolIdOrIpv6PoolId(UUID ipv4PoolId, UUID ipv6PoolId);
}
