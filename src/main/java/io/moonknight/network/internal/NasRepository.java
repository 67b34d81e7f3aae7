package io.moonknight.network.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface NasRepository extends JpaRepository<Nas, UUID> {

    List<Nas> findAllByOrderByNameAsc();

    boolean existsByNameIgnoreCaseAndIdNot(String name, UUID id);

    boolean existsByAddressAndIdNot(String address, UUID id);
}
