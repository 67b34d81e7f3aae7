package io.moonknight.billing.web;

import io.moonknight.billing.internal.InvoiceSearch;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.moonknight.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The invoice list and the totals of a filtered set; the same filters as the console's invoice list. */
@RestController
@Tag(name = "Billing", description = "Invoices, payments, customer ledgers and billing runs")
class InvoiceListApiController {

    private static final String STATUSES = "(?i)DRAFT|ISSUED|PARTIALLY_PAID|PAID|OVERDUE|VOID";

    private final InvoiceSearch invoices;

    InvoiceListApiController(InvoiceSearch invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/api/v1/invoices")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(
            summary = "List invoices",
            description = "Newest first, drafts included, with the customer's name and account number, the balance"
                    + " and the days overdue. Filters combine; `GET /api/v1/invoices/totals` sums the same set.")
    PageResponse<InvoiceSearch.Row> invoices(
            @Parameter(description = "DRAFT, ISSUED, PARTIALLY_PAID, PAID, VOID or OVERDUE (issued, unpaid, past due)")
                    @RequestParam(required = false)
                    @Nullable
                    @Pattern(regexp = STATUSES)
                    String status,
            @Parameter(description = "Issued on or after this day") @RequestParam(required = false) @Nullable
                    LocalDate issuedFrom,
            @Parameter(description = "Issued on or before this day") @RequestParam(required = false) @Nullable
                    LocalDate issuedTo,
            @RequestParam(required = false) @Nullable UUID customerId,
            @Parameter(description = "The customer's name, account number, phone or email")
                    @RequestParam(required = false)
                    @Nullable
                    @Size(max = 200)
                    String customer,
            @Parameter(description = "The start of the invoice number, case ignored")
                    @RequestParam(required = false)
                    @Nullable
                    @Size(max = 60)
                    String number,
            @ParameterObject Pageable pageable) {
        var filter = filter(status, issuedFrom, issuedTo, customerId, customer, number);
        return PageResponse.of(invoices.search(filter, Paging.restrict(pageable, Map.of(), Sort.unsorted()))
                .page());
    }

    /** One entry per currency the matching invoices are in (one, unless the tenant's currency changed). */
    record InvoiceTotals(List<InvoiceSearch.Totals> currencies) {}

    @GetMapping("/api/v1/invoices/totals")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(
            summary = "What a filtered set of invoices comes to",
            description = "Billed, paid and outstanding per currency over every invoice the filters match (the same"
                    + " filters as `GET /api/v1/invoices`); drafts and void invoices are not counted")
    InvoiceTotals totals(
            @RequestParam(required = false) @Nullable @Pattern(regexp = STATUSES) String status,
            @RequestParam(required = false) @Nullable LocalDate issuedFrom,
            @RequestParam(required = false) @Nullable LocalDate issuedTo,
            @RequestParam(required = false) @Nullable UUID customerId,
            @RequestParam(required = false) @Nullable @Size(max = 200) String customer,
            @RequestParam(required = false) @Nullable @Size(max = 60) String number) {
        var filter = filter(status, issuedFrom, issuedTo, customerId, customer, number);
        return new InvoiceTotals(invoices.search(filter, org.springframework.data.domain.PageRequest.of(0, 1))
                .totals());
    }

    static InvoiceSearch.Filter filter(
            @Nullable String status,
            @Nullable LocalDate issuedFrom,
            @Nullable LocalDate issuedTo,
            @Nullable UUID customerId,
            @Nullable String customer,
            @Nullable String number) {
        if (issuedFrom != null && issuedTo != null && issuedTo.isBefore(issuedFrom)) {
            throw ProblemException.invalidField("issuedTo", "must not be before issuedFrom");
        }
        return new InvoiceSearch.Filter(
                status == null || status.isBlank()
                        ? null
                        : InvoiceSearch.Status.valueOf(status.strip().toUpperCase(Locale.ROOT)),
                issuedFrom,
                issuedTo,
                customerId,
                blankToNull(customer),
                blankToNull(number));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
