package io.moonknight.billing.web;

import io.moonknight.billing.internal.InvoiceSearch;
import io.moonknight.shared.web.ConsoleList;
import io.moonknight.shared.web.FormValues;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The invoice list: filters by status, issue date, customer and number; the filtered set's totals at the foot. */
@Controller
class InvoiceListConsoleController {

    static final int PAGE_SIZE = 25;

    private final InvoiceSearch invoices;

    InvoiceListConsoleController(InvoiceSearch invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/billing/invoices")
    @PreAuthorize("hasAuthority('billing:read')")
    String invoices(@RequestParam MultiValueMap<String, String> params, Model model) {
        var list = ConsoleList.of("/billing/invoices", params);
        InvoiceSearch.Status status = list.choice("status", InvoiceSearch.Status.class);
        LocalDate from = list.date("issuedFrom");
        LocalDate to = list.date("issuedTo");
        var filter = new InvoiceSearch.Filter(
                status, from, to, list.uuid("customerId"), list.text("customer", 200), list.text("number", 60));
        var result = invoices.search(filter, list.pageable(PAGE_SIZE));
        model.addAttribute("statuses", FormValues.options(InvoiceSearch.Status.values()));
        model.addAttribute("totals", result.totals());
        return list.show(model, result.page(), "billing/invoices");
    }
}
