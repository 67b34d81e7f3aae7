package io.moonknight.network.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface VlanRepository extends JpaRepository<Vlan, UUID> {}
