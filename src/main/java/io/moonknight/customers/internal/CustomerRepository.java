package io.moonknight.customers.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerRepository extends JpaRepository<Customer, UUID> {

    boolean existsByAccountNumber(String accountNumber);

    java.util.List<Customer> findAllByAccountNumberIn(java.util.Collection<String> accountNumbers);
}
