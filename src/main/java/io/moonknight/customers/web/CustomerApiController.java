package io.moonknight.customers.web;

import io.moonknight.customers.CustomerStatus;
import io.moonknight.customers.internal.CustomerFilter;
import io.moonknight.customers.internal.CustomerListItem;
import io.moonknight.customers.internal.CustomerSearch;
import io.moonknight.customers.internal.CustomerService;
import io.moonknight.customers.internal.CustomerView;
import io.moonknight.customers.internal.HistoryEntryView;
import io.moonknight.customers.internal.HistoryService;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Subscriber profiles, search, timeline, map and CSV export")
class CustomerApiController {

    private static final Map<String, String> SORTABLE = sortable();

    private final CustomerService customers;
    private final CustomerSearch search;
    private final HistoryService history;

    CustomerApiController(CustomerService customers, CustomerSearch search, HistoryService history) {
        this.customers = customers;
        this.search = search;
        this.history = history;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(
            summary = "Search customers",
            description =
                    "`q` matches name, phone, email, account number, national id, address and tags: every word must"
                            + " occur (any part of a word counts). When nothing matches, misspelt words (one edit for"
                            + " words up to six letters, two for longer) are corrected against the tenant's customer"
                            + " words. Filters by status, area and tag. Without `sort`, best matches come first.")
    PageResponse<CustomerListItem> list(
            @RequestParam(required = false) @Nullable @Size(max = 200) String q,
            @RequestParam(required = false) @Nullable CustomerStatus status,
            @RequestParam(required = false) @Nullable @Size(max = 80) String area,
            @RequestParam(required = false) @Nullable @Size(max = 40) String tag,
            @ParameterObject Pageable pageable) {
        var page = Paging.restrict(pageable, SORTABLE, Sort.unsorted());
        return PageResponse.of(search.search(new CustomerFilter(q, status, area, tag), page));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(
            summary = "Create a customer",
            description = "The account number is generated in the tenant's format unless given")
    ResponseEntity<CustomerView> create(@Valid @RequestBody CustomerRequests.CustomerRequest request) {
        var customer = customers.create(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id()))
                .body(customer);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Get a customer")
    CustomerView get(@PathVariable UUID id) {
        return customers.get(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('customers:write')")
    @Operation(summary = "Change a customer's profile", description = "The account number does not change")
    CustomerView update(@PathVariable UUID id, @Valid @RequestBody CustomerRequests.CustomerRequest request) {
        return customers.update(id, request.draft());
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "A customer's service history", description = "Newest first; every module adds to it")
    PageResponse<HistoryEntryView> history(@PathVariable UUID id, @ParameterObject Pageable pageable) {
        var page = Paging.restrict(
                pageable,
                Map.of("occurredAt", "occurredAt"),
                Sort.by("occurredAt").descending());
        return PageResponse.of(history.page(id, page));
    }

    @GetMapping("/areas")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(
            summary = "Areas and their customer counts",
            description = "With the average position of the pins in each")
    PageResponse<CustomerSearch.AreaCount> areas(@ParameterObject Pageable pageable) {
        return PageResponse.of(search.areas(), Paging.restrict(pageable, Map.of(), Sort.unsorted()));
    }

    @GetMapping("/map")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(
            summary = "Customers with a map pin",
            description = "Same filters as the search; one page of at most 5000, not paged so a map draws at once")
    PageResponse<CustomerListItem> map(
            @RequestParam(required = false) @Nullable @Size(max = 200) String q,
            @RequestParam(required = false) @Nullable CustomerStatus status,
            @RequestParam(required = false) @Nullable @Size(max = 80) String area,
            @RequestParam(required = false) @Nullable @Size(max = 40) String tag) {
        return PageResponse.all(search.pins(new CustomerFilter(q, status, area, tag), 5000));
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @PreAuthorize("hasAuthority('customers:import')")
    @Operation(summary = "Export the filtered customers as CSV", description = "Same filters as the search")
    void export(
            @RequestParam(required = false) @Nullable @Size(max = 200) String q,
            @RequestParam(required = false) @Nullable CustomerStatus status,
            @RequestParam(required = false) @Nullable @Size(max = 80) String area,
            @RequestParam(required = false) @Nullable @Size(max = 40) String tag,
            HttpServletResponse response)
            throws IOException {
        CustomerCsv.write(search, new CustomerFilter(q, status, area, tag), response);
    }

    private static Map<String, String> sortable() {
        Map<String, String> sortable = new LinkedHashMap<>();
        for (String key : List.of("name", "accountNumber", "createdAt", "status", "area")) {
            sortable.put(key, key);
        }
        return sortable;
    }
}
