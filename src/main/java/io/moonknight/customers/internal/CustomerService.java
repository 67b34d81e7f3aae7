package io.moonknight.customers.internal;

import io.moonknight.customers.CustomerCreated;
import io.moonknight.customers.CustomerDirectory;
import io.moonknight.customers.CustomerStatus;
import io.moonknight.customers.CustomerStatusChanged;
import io.moonknight.customers.CustomerSummary;
import io.moonknight.customers.CustomerType;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.shared.web.ProblemException.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and reading customer profiles; each change lands on the customer's timeline. */
@Service
public class CustomerService implements CustomerDirectory {

    private final CustomerRepository customers;
    private final CustomFieldService customFields;
    private final CustomerSettings settings;
    private final HistoryStore history;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CustomerSearch search;

    CustomerService(
            CustomerRepository customers,
            CustomFieldService customFields,
            CustomerSettings settings,
            HistoryStore history,
            ApplicationEventPublisher events,
            Clock clock,
            CustomerSearch search) {
        this.search = search;
        this.customers = customers;
        this.customFields = customFields;
        this.settings = settings;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CustomerView create(CustomerDraft draft) {
        checkRules(draft);
        Map<String, String> custom = customFields.check(draft.customFields(), Map.of());
        String accountNumber = accountNumberFor(draft);
        Instant now = clock.instant();
        Customer customer = customers.save(new Customer(UUID.randomUUID(), accountNumber, draft, custom, now));
        UUID tenant = TenantContext.require();
        history.add(
                tenant,
                new HistoryStore.Entry(
                        customer.id(),
                        now,
                        "customer.created",
                        "Customer created as " + draft.status().name().toLowerCase(),
                        Map.of("accountNumber", accountNumber),
                        HistoryStore.actorName(),
                        null,
                        null));
        events.publishEvent(new CustomerCreated(tenant, customer.id(), accountNumber, customer.displayName()));
        return customer.view();
    }

    @Transactional
    public CustomerView update(UUID id, CustomerDraft draft) {
        Customer customer = load(id);
        checkRules(draft);
        Map<String, Object> before = customer.snapshot();
        CustomerStatus previousStatus = customer.view().status();
        Map<String, String> custom =
                customFields.check(draft.customFields(), customer.view().customFields());
        Instant now = clock.instant();
        customer.apply(draft, custom, now);
        customers.save(customer);
        Map<String, Object> changes = changes(before, customer.snapshot());
        if (!changes.isEmpty()) {
            history.add(
                    TenantContext.require(),
                    new HistoryStore.Entry(
                            id,
                            now,
                            "customer.updated",
                            "Profile updated: " + String.join(", ", changes.keySet()),
                            Map.of("changes", changes),
                            HistoryStore.actorName(),
                            null,
                            null));
        }
        if (previousStatus != draft.status()) {
            events.publishEvent(new CustomerStatusChanged(TenantContext.require(), id, previousStatus, draft.status()));
        }
        return customer.view();
    }

    /**
     * The customer's service started (a subscription was activated): a lead becomes an active customer, with an
     * entry on the timeline and {@link CustomerStatusChanged}. Other statuses are left alone. Called after the
     * activation has committed, so in a transaction of its own.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void serviceStarted(UUID id) {
        Customer customer = customers.findById(id).orElse(null);
        Instant now = clock.instant();
        if (customer == null || !customer.startService(now)) {
            return;
        }
        customers.save(customer);
        history.add(
                TenantContext.require(),
                new HistoryStore.Entry(
                        id,
                        now,
                        "customer.status-changed",
                        "Status changed from lead to active: service started",
                        Map.of("from", CustomerStatus.LEAD.name(), "to", CustomerStatus.ACTIVE.name()),
                        null,
                        null,
                        null));
        events.publishEvent(
                new CustomerStatusChanged(TenantContext.require(), id, CustomerStatus.LEAD, CustomerStatus.ACTIVE));
    }

    @Transactional(readOnly = true)
    public CustomerView get(UUID id) {
        return load(id).view();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerSummary> find(UUID customerId) {
        return customers.findById(customerId).map(Customer::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerSummary> findByAccountNumber(String accountNumber) {
        return customers.findAllByAccountNumberIn(List.of(accountNumber.strip())).stream()
                .findFirst()
                .map(Customer::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerSummary> first(int limit) {
        return customers
                .findAll(org.springframework.data.domain.PageRequest.of(
                        0, limit, org.springframework.data.domain.Sort.by("createdAt", "id")))
                .map(Customer::summary)
                .getContent();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> matching(String text, int limit) {
        return search.search(
                        new CustomerFilter(text, null, null, null),
                        org.springframework.data.domain.PageRequest.of(0, limit))
                .map(CustomerListItem::id)
                .getContent();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, CustomerSummary> findAll(java.util.Collection<UUID> customerIds) {
        Map<UUID, CustomerSummary> found = new LinkedHashMap<>();
        if (!customerIds.isEmpty()) {
            customers.findAllById(customerIds).forEach(c -> found.put(c.id(), c.summary()));
        }
        return found;
    }

    @Transactional(readOnly = true)
    public long count() {
        return customers.count();
    }

    /** A 404 in the caller's tenant unless the customer exists there. */
    @Transactional(readOnly = true)
    public void requireExists(UUID id) {
        load(id);
    }

    static void checkRules(CustomerDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.type() == CustomerType.INDIVIDUAL && blank(draft.firstName()) && blank(draft.lastName())) {
            errors.add(new FieldError("firstName", "enter the customer's first or last name"));
        }
        if (draft.type() == CustomerType.BUSINESS && blank(draft.companyName())) {
            errors.add(new FieldError("companyName", "a business customer needs a company name"));
        }
        if (draft.phones().isEmpty() && draft.emails().isEmpty()) {
            errors.add(new FieldError("phones", "give at least one phone number or email address"));
        }
        if (draft.phones().size() > 5) {
            errors.add(new FieldError("phones", "at most 5 phone numbers"));
        }
        if (draft.emails().size() > 5) {
            errors.add(new FieldError("emails", "at most 5 email addresses"));
        }
        if (draft.tags().size() > 20 || draft.tags().stream().anyMatch(tag -> tag.isBlank() || tag.length() > 40)) {
            errors.add(new FieldError("tags", "at most 20 tags of 1-40 characters"));
        }
        length(errors, "firstName", draft.firstName(), 80);
        length(errors, "lastName", draft.lastName(), 80);
        length(errors, "companyName", draft.companyName(), 160);
        length(errors, "nationalId", draft.nationalId(), 40);
        length(errors, "taxId", draft.taxId(), 40);
        length(errors, "area", draft.area(), 80);
        length(errors, "notes", draft.notes(), 4000);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    private String accountNumberFor(CustomerDraft draft) {
        if (draft.accountNumber() != null) {
            String wanted = draft.accountNumber().value();
            if (customers.existsByAccountNumber(wanted)) {
                throw ProblemException.conflict(
                                "account-number-taken", "The account number " + wanted + " is already in use")
                        .with("field", "accountNumber");
            }
            return wanted;
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            String generated = settings.nextAccountNumber();
            if (!customers.existsByAccountNumber(generated)) {
                return generated;
            }
        }
        throw new IllegalStateException("No free account number after 100 attempts");
    }

    static Map<String, Object> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        var keys = new java.util.LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Object from = before.get(key);
            Object to = after.get(key);
            if (!Objects.equals(from, to)) {
                Map<String, @Nullable Object> change = new LinkedHashMap<>();
                change.put("from", from);
                change.put("to", to);
                changes.put(key, change);
            }
        }
        return changes;
    }

    private static void length(List<FieldError> errors, String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private Customer load(UUID id) {
        return customers.findById(id).orElseThrow(() -> ProblemException.notFound("Customer", id));
    }
}
