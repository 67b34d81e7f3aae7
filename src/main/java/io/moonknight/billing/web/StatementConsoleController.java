package io.moonknight.billing.web;

import io.moonknight.billing.internal.InvoiceDocuments;
import io.moonknight.billing.internal.Statements;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The statement form on the customer's billing tab: the PDF opens in the browser, the CSV downloads. */
@Controller
@RequestMapping("/billing")
class StatementConsoleController {

    private final Statements statements;
    private final InvoiceDocuments documents;

    StatementConsoleController(Statements statements, InvoiceDocuments documents) {
        this.statements = statements;
        this.documents = documents;
    }

    @GetMapping("/for-customer/{customerId}/statement")
    @PreAuthorize("hasAuthority('billing:read')")
    ResponseEntity<byte[]> statement(
            @PathVariable UUID customerId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String format) {
        return StatementDownloads.of(statements, documents, customerId, from, to, format, null, true);
    }
}
