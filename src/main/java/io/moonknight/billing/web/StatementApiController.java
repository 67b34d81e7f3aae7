package io.moonknight.billing.web;

import io.moonknight.billing.internal.InvoiceDocuments;
import io.moonknight.billing.internal.Statements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's statement of account (read-only). */
@RestController
@Tag(name = "Billing", description = "Invoices, payments, customer ledgers and billing runs")
class StatementApiController {

    private final Statements statements;
    private final InvoiceDocuments documents;

    StatementApiController(Statements statements, InvoiceDocuments documents) {
        this.statements = statements;
        this.documents = documents;
    }

    @GetMapping("/api/v1/customers/{id}/statement")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(
            summary = "A customer's statement of account",
            description = "Opening balance, every ledger entry of the range with the running balance, closing"
                    + " balance; as PDF or CSV (UTF-8 with a byte order mark). Days are the tenant's.")
    ResponseEntity<byte[]> statement(
            @PathVariable UUID id,
            @Parameter(description = "First day (yyyy-MM-dd); three months before 'to' when left out")
                    @RequestParam(required = false)
                    @Nullable
                    String from,
            @Parameter(description = "Last day (yyyy-MM-dd); today when left out; at most 5 years after 'from'")
                    @RequestParam(required = false)
                    @Nullable
                    String to,
            @Parameter(description = "pdf or csv; else the Accept header decides (text/csv), else pdf")
                    @RequestParam(required = false)
                    @Nullable
                    String format,
            // OpenAPI ignores a header parameter named Accept: content negotiation is documented in the responses
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable
                    String accept) {
        return StatementDownloads.of(statements, documents, id, from, to, format, accept, false);
    }
}
