package io.moonknight.customers.internal;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a customer's service-history timeline. */
@Service
public class HistoryService {

    private final CustomerService customers;
    private final HistoryStore history;

    HistoryService(CustomerService customers, HistoryStore history) {
        this.customers = customers;
        this.history = history;
    }

    @Transactional(readOnly = true)
    public Page<HistoryEntryView> page(UUID customerId, Pageable pageable) {
        customers.requireExists(customerId);
        return history.page(customerId, pageable);
    }
}
