package io.moonknight.billing.web;

import io.moonknight.billing.internal.BillingAccounts;
import io.moonknight.billing.internal.BillingRuns;
import io.moonknight.billing.internal.Charges;
import io.moonknight.billing.internal.Invoices;
import io.moonknight.billing.internal.Ledger;
import io.moonknight.billing.internal.Payments;
import io.moonknight.shared.web.ConsoleForm;
import io.moonknight.shared.web.FormValues;
import io.moonknight.shared.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Invoices, the customer ledger tab, recording payments and billing runs with their progress. */
@Controller
@RequestMapping("/billing")
class BillingConsoleController {

    private final BillingRuns runs;
    private final Invoices invoices;
    private final Payments payments;
    private final Ledger ledger;
    private final io.moonknight.billing.internal.InvoiceDocuments documents;
    private final Charges charges;
    private final BillingAccounts accounts;
    private final io.moonknight.billing.internal.DataPacks packs;
    private final io.moonknight.plans.PlanCatalog plans;

    BillingConsoleController(
            BillingRuns runs,
            Invoices invoices,
            Payments payments,
            Ledger ledger,
            io.moonknight.billing.internal.InvoiceDocuments documents,
            Charges charges,
            BillingAccounts accounts,
            io.moonknight.billing.internal.DataPacks packs,
            io.moonknight.plans.PlanCatalog plans) {
        this.packs = packs;
        this.plans = plans;
        this.runs = runs;
        this.invoices = invoices;
        this.payments = payments;
        this.ledger = ledger;
        this.documents = documents;
        this.charges = charges;
        this.accounts = accounts;
    }

    @GetMapping("/invoices/{id}")
    @PreAuthorize("hasAuthority('billing:read')")
    String invoice(@PathVariable UUID id, Model model) {
        var invoice = invoices.invoice(id);
        model.addAttribute("invoice", invoice);
        model.addAttribute("pageTitle", invoice.number() == null ? "Invoice" : invoice.number());
        return "billing/invoice";
    }

    @GetMapping("/invoices/{id}/pdf")
    @PreAuthorize("hasAuthority('billing:read')")
    org.springframework.http.ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        var invoice = invoices.invoice(id);
        return PdfDownloads.of(invoice.number() == null ? "invoice" : invoice.number(), documents.pdf(id), true);
    }

    @PostMapping("/invoices/{id}/void")
    @PreAuthorize("hasAuthority('invoices:void')")
    String voidInvoice(
            @PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/billing/invoices/" + id, () -> {
            if (reason.isBlank()) {
                throw ProblemException.invalidField("reason", "give a reason");
            }
            invoices.voidInvoice(id, reason.strip());
            return "Invoice voided; a credit note took its amount off the ledger.";
        });
    }

    /** The customer page's tab: balance, ledger, open invoices and the record-payment form. */
    @GetMapping("/for-customer/{customerId}")
    @PreAuthorize("hasAuthority('billing:read')")
    String ledgerTab(@PathVariable UUID customerId, Model model) {
        model.addAttribute("customerId", customerId);
        model.addAttribute("ledger", ledger.ledger(customerId));
        model.addAttribute(
                "invoices",
                invoices.invoices(customerId, null, PageRequest.of(0, 20)).getContent());
        model.addAttribute("form", FormValues.empty().put("method", "CASH"));
        model.addAttribute("account", accounts.get(customerId));
        model.addAttribute(
                "payments", payments.payments(customerId, PageRequest.of(0, 20)).getContent());
        model.addAttribute(
                "charges",
                charges.ofCustomer(customerId, null).stream().limit(20).toList());
        model.addAttribute("chargeKinds", List.of("DEVICE", "SETUP_FEE", "SERVICE", "USAGE", "DISCOUNT", "OTHER"));
        return "billing/ledger-tab :: tab";
    }

    @PostMapping("/for-customer/{customerId}/charges")
    @PreAuthorize("hasAuthority('billing:write')")
    String addCharge(
            @PathVariable UUID customerId,
            @RequestParam MultiValueMap<String, String> params,
            RedirectAttributes redirect) {
        var form = FormValues.of(params);
        return onTab(customerId, redirect, () -> {
            var price = form.decimal("unitPrice");
            var quantity = form.has("quantity") ? form.decimal("quantity") : java.math.BigDecimal.ONE;
            if (price == null && !form.has("unitPrice")) {
                form.reject("unitPrice", "give the price");
            }
            form.check();
            var charge = charges.add(
                    customerId,
                    new Charges.NewCharge(
                            form.string("kind"),
                            form.string("description"),
                            java.util.Objects.requireNonNull(quantity),
                            java.util.Objects.requireNonNull(price),
                            null,
                            null,
                            null),
                    form.checked("invoiceNow"));
            return "Charge \u201c" + charge.description() + "\u201d added"
                    + (charge.invoiceId() == null ? "; the next billing run invoices it." : " and invoiced.");
        });
    }

    @PostMapping("/for-customer/{customerId}/charges/{chargeId}/cancel")
    @PreAuthorize("hasAuthority('billing:write')")
    String cancelCharge(@PathVariable UUID customerId, @PathVariable UUID chargeId, RedirectAttributes redirect) {
        return onTab(customerId, redirect, () -> {
            var charge = charges.get(chargeId);
            if (!charge.customerId().equals(customerId)) {
                throw ProblemException.notFound("Charge", chargeId);
            }
            charges.cancel(chargeId);
            return "Charge \u201c" + charge.description() + "\u201d cancelled.";
        });
    }

    @PostMapping("/for-customer/{customerId}/payments/{paymentId}/refund")
    @PreAuthorize("hasAuthority('payments:refund')")
    String refund(
            @PathVariable UUID customerId,
            @PathVariable UUID paymentId,
            @RequestParam MultiValueMap<String, String> params,
            RedirectAttributes redirect) {
        var form = FormValues.of(params);
        return onTab(customerId, redirect, () -> {
            var amount = form.decimal("amount");
            if (amount == null && !form.has("amount")) {
                form.reject("amount", "give the amount to pay back");
            }
            if (form.text("reason") == null) {
                form.reject("reason", "say why");
            }
            form.check();
            if (!payments.payment(paymentId).customerId().equals(customerId)) {
                throw ProblemException.notFound("Payment", paymentId);
            }
            payments.refund(
                    paymentId,
                    java.util.Objects.requireNonNull(amount),
                    "CASH",
                    form.text("reference"),
                    form.string("reason"));
            return "Refund of " + amount.toPlainString() + " recorded.";
        });
    }

    @PostMapping("/for-customer/{customerId}/account")
    @PreAuthorize("hasAuthority('billing:write')")
    String account(
            @PathVariable UUID customerId,
            @RequestParam MultiValueMap<String, String> params,
            RedirectAttributes redirect) {
        var form = FormValues.of(params);
        return onTab(customerId, redirect, () -> {
            Integer terms = form.integer("paymentTermsDays");
            if (terms == null && !form.has("paymentTermsDays")) {
                form.reject("paymentTermsDays", "give the payment terms in days");
            }
            var promise = form.date("promiseToPay");
            Integer billingDay = form.integer("billingDay");
            form.check();
            // Without billing:tax-exempt the form shows the exemption read-only: keep it as it is.
            var current = accounts.get(customerId);
            boolean mayExempt = TaxExemptions.mayChange();
            boolean taxExempt = mayExempt ? form.checked("taxExempt") : current.taxExempt();
            String taxId = mayExempt || !current.taxExempt() ? form.text("taxId") : current.taxId();
            TaxExemptions.check(current, taxExempt, taxId);
            accounts.update(
                    customerId,
                    new BillingAccounts.Change(
                            java.util.Objects.requireNonNull(terms),
                            form.checked("autoRenew"),
                            form.checked("neverSuspend"),
                            promise,
                            billingDay,
                            taxExempt,
                            taxId));
            return "Billing settings saved.";
        });
    }

    /** The subscription page's panel: its data packs, and a form to buy one. */
    @GetMapping("/subscriptions/{id}/data-packs")
    @PreAuthorize("hasAuthority('billing:read')")
    String packsPanel(@PathVariable UUID id, Model model) {
        model.addAttribute("subscriptionId", id);
        model.addAttribute("packs", packs.ofSubscription(id));
        model.addAttribute(
                "offers",
                plans.sellable().stream()
                        .filter(p -> p.billingType() == io.moonknight.plans.BillingType.DATA_PACK)
                        .toList());
        return "billing/packs-panel :: panel";
    }

    @PostMapping("/subscriptions/{id}/data-packs")
    @PreAuthorize("hasAuthority('billing:write')")
    String buyPack(
            @PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        var form = FormValues.of(params);
        return ConsoleForm.act(redirect, "/subscriptions/" + id, () -> {
            UUID plan = form.uuid("planId");
            if (plan == null) {
                form.reject("planId", "choose a data pack");
            }
            form.check();
            var pack = packs.buy(id, java.util.Objects.requireNonNull(plan));
            return pack.name() + " bought and invoiced.";
        });
    }

    @GetMapping("/payments/{id}/receipt")
    @PreAuthorize("hasAuthority('billing:read')")
    org.springframework.http.ResponseEntity<byte[]> receipt(@PathVariable UUID id) {
        var payment = payments.payment(id);
        return PdfDownloads.of(
                payment.receiptNumber() == null ? "receipt" : payment.receiptNumber(), documents.receipt(id), true);
    }

    @PostMapping("/for-customer/{customerId}/payments")
    @PreAuthorize("hasAuthority('payments:record')")
    String pay(
            @PathVariable UUID customerId,
            @RequestParam MultiValueMap<String, String> params,
            RedirectAttributes redirect) {
        var form = FormValues.of(params);
        return onTab(customerId, redirect, () -> {
            var amount = form.decimal("amount");
            if (amount == null && !form.has("amount")) {
                form.reject("amount", "give the amount received");
            }
            form.check();
            String method = form.string("method");
            if (!List.of("CASH", "BANK_TRANSFER", "CHEQUE").contains(method)) {
                throw ProblemException.invalidField("method", "choose cash, bank transfer or cheque");
            }
            var payment = payments.recordPayment(
                    customerId, java.util.Objects.requireNonNull(amount), method, form.text("reference"), List.of());
            return "Payment of " + payment.amount().stripTrailingZeros().toPlainString() + " " + payment.currency()
                    + " recorded.";
        });
    }

    /** Runs a billing-tab form: the flash says what it did, or what was wrong; back to the customer's billing tab. */
    private static String onTab(
            UUID customerId, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        return ConsoleForm.act(redirect, "/customers/" + customerId + "?tab=billing", action);
    }

    @GetMapping("/runs")
    @PreAuthorize("hasAuthority('billing:read')")
    String runs(Model model) {
        model.addAttribute("runs", runs.runs());
        return "billing/runs";
    }

    /** The progress bar of one run, polled by htmx while it runs. */
    @GetMapping("/runs/{id}/progress")
    @PreAuthorize("hasAuthority('billing:read')")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("run", runs.run(id));
        return "billing/runs :: progress";
    }

    @PostMapping("/runs")
    @PreAuthorize("hasAuthority('billing:run')")
    String start(@RequestParam(defaultValue = "false") boolean dryRun, RedirectAttributes redirect) {
        if (dryRun) {
            return "redirect:/billing/runs/preview"; // a preview records nothing: BillingRunPagesController shows it
        }
        try {
            runs.start(false, false);
            redirect.addFlashAttribute("flash", "Billing run started.");
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("flashError", problem.detail());
        }
        return "redirect:/billing/runs";
    }
}
