package io.moonknight.billing.web;

import io.moonknight.billing.internal.BillingRunPreviews;
import io.moonknight.billing.internal.BillingRuns;
import io.moonknight.shared.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The billing runs page with what a run today would invoice: customers by name, money as the tenant writes it. */
@Controller
class BillingRunPreviewConsoleController {

    private final BillingRunPreviews previews;
    private final BillingRuns runs;

    BillingRunPreviewConsoleController(BillingRunPreviews previews, BillingRuns runs) {
        this.previews = previews;
        this.runs = runs;
    }

    @GetMapping("/billing/runs/preview")
    @PreAuthorize("hasAuthority('billing:run')")
    String preview(Model model) {
        model.addAttribute("runs", runs.runs());
        try {
            var preview = previews.preview();
            model.addAttribute("preview", preview);
            model.addAttribute(
                    "flash",
                    preview.invoices() == 0
                            ? "Preview: a run now would issue no invoices."
                            : "Preview: a run now would issue " + preview.invoices() + " invoice"
                                    + (preview.invoices() == 1 ? "" : "s") + ". Nothing was billed.");
        } catch (ProblemException problem) {
            model.addAttribute("flashError", problem.detail());
        }
        return "billing/runs";
    }
}
