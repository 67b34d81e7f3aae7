package io.moonknight.billing.web;

import io.moonknight.billing.internal.BillingRunPreviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a billing run today would invoice, without billing anything or adding to the run history. */
@RestController
@Tag(name = "Billing", description = "Invoices, payments, customer ledgers and billing runs")
class BillingPreviewApiController {

    private final BillingRunPreviews previews;

    BillingPreviewApiController(BillingRunPreviews previews) {
        this.previews = previews;
    }

    @GetMapping("/api/v1/billing-runs/preview")
    @PreAuthorize("hasAuthority('billing:run')")
    @Operation(
            summary = "Preview a billing run",
            description = "Each invoice a run today would issue, with the customer's name and account number and the"
                    + " amount rounded to the currency's minor units, and the totals per currency. Bills nothing and"
                    + " records no run.")
    BillingRunPreviews.Preview preview() {
        return previews.preview();
    }
}
