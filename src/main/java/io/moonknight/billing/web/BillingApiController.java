package io.moonknight.billing.web;

import io.moonknight.billing.internal.BillingAccounts;
import io.moonknight.billing.internal.BillingRuns;
import io.moonknight.billing.internal.BillingSettingsService;
import io.moonknight.billing.internal.BillingViews;
import io.moonknight.billing.internal.Charges;
import io.moonknight.billing.internal.Invoices;
import io.moonknight.billing.internal.Ledger;
import io.moonknight.billing.internal.Payments;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.moonknight.shared.web.idempotency.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Billing", description = "Invoices, payments, customer ledgers and billing runs")
class BillingApiController {

    private final BillingRuns runs;
    private final Invoices invoices;
    private final Payments payments;
    private final Ledger ledger;
    private final io.moonknight.billing.internal.InvoiceDocuments pdfs;
    private final BillingSettingsService settings;
    private final Charges charges;
    private final BillingAccounts accounts;
    private final io.moonknight.billing.internal.DataPacks packs;

    BillingApiController(
            BillingRuns runs,
            Invoices invoices,
            Payments payments,
            Ledger ledger,
            io.moonknight.billing.internal.InvoiceDocuments pdfs,
            BillingSettingsService settings,
            Charges charges,
            BillingAccounts accounts,
            io.moonknight.billing.internal.DataPacks packs) {
        this.packs = packs;
        this.runs = runs;
        this.invoices = invoices;
        this.payments = payments;
        this.ledger = ledger;
        this.pdfs = pdfs;
        this.settings = settings;
        this.charges = charges;
        this.accounts = accounts;
    }

    record AccountRequest(
            @Schema(example = "7")
            @NotNull
            @jakarta.validation.constraints.Min(0)
            @jakarta.validation.constraints.Max(365)
            Integer paymentTermsDays,

            @Schema(description = "Prepaid services renew from the account's credit") @NotNull
            Boolean autoRenew,

            @Schema(description = "Dunning reminds but never suspends or terminates") @NotNull
            Boolean neverSuspend,

            @Schema(description = "Bill the month from this day (1-28) instead of calendar months; null: calendar")
            @Nullable
            @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(28)
            Integer billingDay,

            @Schema(description = "Until this date dunning only reminds; today to 90 days ahead")
            java.time.@Nullable LocalDate promiseToPay,

            @Schema(
                    description =
                            "Invoices carry no tax; a price that includes tax is charged without it. Needs" + " taxId")
            @Nullable
            Boolean taxExempt,

            @Schema(
                    example = "BIN-000123456",
                    description = "The customer's tax registration or exemption number," + " printed on invoices")
            @Nullable
            @jakarta.validation.constraints.Size(max = 40)
            String taxId) {}

    @GetMapping("/api/v1/customers/{id}/billing-account")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(summary = "A customer's billing account", description = "Terms, dunning exclusions and the balance")
    BillingAccounts.Account account(@PathVariable UUID id) {
        return accounts.get(id);
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/customers/{id}/billing-account")
    @PreAuthorize("hasAuthority('billing:write')")
    @Operation(
            summary = "Change a customer's billing account settings",
            description = "Changing `taxExempt`, or the `taxId` of an exempt customer, also needs `billing:tax-exempt`"
                    + " (403 otherwise)")
    BillingAccounts.Account putAccount(@PathVariable UUID id, @Valid @RequestBody AccountRequest request) {
        TaxExemptions.check(accounts.get(id), Boolean.TRUE.equals(request.taxExempt()), request.taxId());
        return accounts.update(
                id,
                new BillingAccounts.Change(
                        request.paymentTermsDays(),
                        request.autoRenew(),
                        request.neverSuspend(),
                        request.promiseToPay(),
                        request.billingDay(),
                        Boolean.TRUE.equals(request.taxExempt()),
                        request.taxId()));
    }

    record ChargeRequest(
            @Schema(example = "DEVICE", description = "SETUP_FEE, DEVICE, SERVICE, USAGE, DISCOUNT or OTHER")
            @NotBlank
            @Pattern(regexp = "(?i)SETUP_FEE|DEVICE|SERVICE|USAGE|DISCOUNT|OTHER")
            String kind,

            @Schema(example = "ONU router") @NotBlank @Size(max = 200)
            String description,

            @Schema(example = "1", description = "Default 1") @Nullable @Positive
            BigDecimal quantity,

            @Schema(example = "1500.00", description = "Negative for a discount") @NotNull
            BigDecimal unitPrice,

            @Schema(example = "standard") @Nullable @Size(max = 40)
            String taxClass,

            @Nullable UUID subscriptionId,

            @Schema(description = "When it is due to be billed; today when left out")
            java.time.@Nullable LocalDate chargeDate,

            @Schema(description = "Invoice the customer's pending charges at once instead of in the next run") @Nullable
            Boolean invoiceNow) {}

    @PostMapping("/api/v1/customers/{id}/charges")
    @Idempotent
    @PreAuthorize("hasAuthority('billing:write')")
    @Operation(
            summary = "Add a one-time charge",
            description = "Setup fee, device sale, service, usage or discount. It stays pending until the next"
                    + " billing run puts the account's pending charges on one invoice, or `invoiceNow` does it at once")
    ResponseEntity<Charges.Charge> addCharge(@PathVariable UUID id, @Valid @RequestBody ChargeRequest request) {
        var charge = charges.add(
                id,
                new Charges.NewCharge(
                        request.kind(),
                        request.description(),
                        request.quantity() == null ? BigDecimal.ONE : request.quantity(),
                        request.unitPrice(),
                        request.taxClass(),
                        request.subscriptionId(),
                        request.chargeDate()),
                Boolean.TRUE.equals(request.invoiceNow()));
        return ResponseEntity.created(URI.create("/api/v1/charges/" + charge.id()))
                .body(charge);
    }

    @GetMapping("/api/v1/customers/{id}/charges")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(
            summary = "A customer's one-time charges",
            description = "Newest first; filter PENDING, INVOICED, CANCELLED")
    PageResponse<Charges.Charge> customerCharges(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "(?i)PENDING|INVOICED|CANCELLED") String status,
            @ParameterObject Pageable pageable) {
        return PageResponse.of(charges.ofCustomer(id, status), Paging.restrict(pageable, Map.of(), Sort.unsorted()));
    }

    @PostMapping("/api/v1/customers/{id}/charges/invoice")
    @Idempotent
    @PreAuthorize("hasAuthority('billing:write')")
    @Operation(
            summary = "Invoice a customer's pending charges now",
            description = "One invoice for all of them; 409 `nothing-to-invoice` when none are pending")
    ResponseEntity<BillingViews.Invoice> invoiceCharges(@PathVariable UUID id) {
        UUID invoice = charges.invoicePending(id);
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + invoice)).body(invoices.invoice(invoice));
    }

    @GetMapping("/api/v1/charges")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(summary = "List one-time charges", description = "Newest first; filter PENDING, INVOICED, CANCELLED")
    PageResponse<Charges.Charge> allCharges(
            @RequestParam(required = false) @Nullable @Pattern(regexp = "(?i)PENDING|INVOICED|CANCELLED") String status,
            @ParameterObject Pageable pageable) {
        return PageResponse.of(charges.list(status, Paging.restrict(pageable, Map.of(), Sort.unsorted())));
    }

    @GetMapping("/api/v1/charges/{id}")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(summary = "Get a one-time charge")
    Charges.Charge charge(@PathVariable UUID id) {
        return charges.get(id);
    }

    @PostMapping("/api/v1/charges/{id}/cancel")
    @Idempotent
    @PreAuthorize("hasAuthority('billing:write')")
    @Operation(
            summary = "Cancel a pending charge",
            description = "409 `charge-not-pending` once invoiced: void the invoice instead")
    Charges.Charge cancelCharge(@PathVariable UUID id) {
        return charges.cancel(id);
    }

    record DataPackRequest(
            @Schema(description = "A data pack plan") @NotNull
            UUID planId) {}

    @PostMapping("/api/v1/subscriptions/{id}/data-packs")
    @Idempotent
    @PreAuthorize("hasAuthority('billing:write')")
    @Operation(
            summary = "Buy a data pack for a subscription",
            description =
                    "The plan's quota, valid for its days from now; invoiced at once (paid from credit where there is"
                            + " some). Usage counted by RADIUS after the purchase is taken from it, oldest pack first.")
    ResponseEntity<io.moonknight.billing.internal.DataPacks.Pack> buyPack(
            @PathVariable UUID id, @Valid @RequestBody DataPackRequest request) {
        var pack = packs.buy(id, request.planId());
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(pack);
    }

    @GetMapping("/api/v1/subscriptions/{id}/data-packs")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(summary = "A subscription's data packs", description = "Newest first, with what is used and left")
    PageResponse<io.moonknight.billing.internal.DataPacks.Pack> subscriptionPacks(
            @PathVariable UUID id, @ParameterObject Pageable pageable) {
        return PageResponse.of(packs.ofSubscription(id), Paging.restrict(pageable, Map.of(), Sort.unsorted()));
    }

    record RefundRequest(
            @Schema(example = "200.00") @NotNull @Positive BigDecimal amount,

            @Schema(example = "CASH") @NotNull @Pattern(regexp = "CASH|BANK_TRANSFER|CHEQUE")
            String method,

            @Nullable @Size(max = 100) String reference,

            @Schema(example = "Moved away") @NotBlank @Size(max = 500)
            String reason) {}

    @PostMapping("/api/v1/payments/{id}/refunds")
    @Idempotent
    @PreAuthorize("hasAuthority('payments:refund')")
    @Operation(
            summary = "Refund from a payment",
            description = "Pays back up to what the payment left as credit; 409 `refund-exceeds-credit` beyond it"
                    + " (void the invoices it paid first). Posted to the ledger as a REFUND debit.")
    ResponseEntity<BillingViews.Payment> refund(@PathVariable UUID id, @Valid @RequestBody RefundRequest request) {
        var payment = payments.refund(id, request.amount(), request.method(), request.reference(), request.reason());
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(payment);
    }

    @GetMapping(value = "/api/v1/payments/{id}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(summary = "A payment's receipt as PDF", description = "With its gapless receipt number")
    ResponseEntity<byte[]> receipt(@PathVariable UUID id) {
        var payment = payments.payment(id);
        return PdfDownloads.of(
                payment.receiptNumber() == null ? "receipt" : payment.receiptNumber(), pdfs.receipt(id), false);
    }

    /** The settings as sent: everything required, lists replace what was there. */
    record SettingsRequest(
            @Schema(example = "7") @NotNull Integer paymentTermsDays,

            @Schema(example = "INV-{yyyy}-{seq:6}") @NotBlank @Size(max = 40)
            String invoiceNumberFormat,

            @Schema(example = "RCP-{yyyy}-{seq:6}", description = "Payment receipts' numbers; unchanged when left out")
            @org.jspecify.annotations.Nullable
            @Size(max = 40)
            String receiptNumberFormat,

            @NotNull Boolean billWhileSuspended,
            @NotNull @Size(max = 50) List<BillingSettingsService.@Valid @NotNull TaxRate> taxRates,
            @NotNull @Size(max = 20) List<BillingSettingsService.@Valid @NotNull DunningStep> dunningSteps) {}

    @GetMapping("/api/v1/billing-settings")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(summary = "The tenant's billing settings", description = "Payment terms, number format, taxes, dunning")
    BillingSettingsService.Settings getSettings() {
        return settings.get();
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/billing-settings")
    @PreAuthorize("hasAuthority('billing:settings')")
    @Operation(
            summary = "Change the billing settings",
            description = "Tax rates per tax class (all inclusive or all exclusive within a class) and the dunning"
                    + " ladder (days from the due date: REMINDER, SUSPEND, TERMINATE) replace the current ones")
    BillingSettingsService.Settings putSettings(@Valid @RequestBody SettingsRequest request) {
        return settings.update(new BillingSettingsService.Settings(
                request.paymentTermsDays(),
                request.invoiceNumberFormat(),
                request.receiptNumberFormat(),
                request.billWhileSuspended(),
                request.taxRates(),
                request.dunningSteps()));
    }

    record VoidRequest(@NotBlank @Size(max = 500) String reason) {}

    record DraftLineRequest(
            @Schema(example = "Site survey") @NotBlank @Size(max = 200)
            String description,

            @Schema(example = "1", description = "Default 1") @Nullable @Positive
            BigDecimal quantity,

            @Schema(example = "750.00", description = "Negative for a discount") @NotNull
            BigDecimal unitPrice,

            @Schema(example = "standard") @Nullable @Size(max = 40)
            String taxClass) {}

    record DraftRequest(
            @NotNull UUID customerId,
            @NotNull @Size(max = 100) List<@Valid @NotNull DraftLineRequest> lines) {}

    record DraftLinesRequest(@NotNull @Size(max = 100) List<@Valid @NotNull DraftLineRequest> lines) {}

    private static List<Invoices.DraftLine> lines(List<DraftLineRequest> lines) {
        return lines.stream()
                .map(l -> new Invoices.DraftLine(
                        l.description(),
                        l.quantity() == null ? BigDecimal.ONE : l.quantity(),
                        l.unitPrice(),
                        l.taxClass()))
                .toList();
    }

    @PostMapping("/api/v1/invoices")
    @Idempotent
    @PreAuthorize("hasAuthority('billing:write')")
    @Operation(
            summary = "Draft a manual invoice",
            description = "Lines priced by hand, taxed by their tax class; no number and nothing on the ledger until"
                    + " `POST /api/v1/invoices/{id}/issue`")
    ResponseEntity<BillingViews.Invoice> draft(@Valid @RequestBody DraftRequest request) {
        var invoice = invoices.draft(request.customerId(), lines(request.lines()));
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + invoice.id()))
                .body(invoice);
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/invoices/{id}")
    @PreAuthorize("hasAuthority('billing:write')")
    @Operation(summary = "Replace a draft's lines", description = "409 `invoice-not-draft` once issued or void")
    BillingViews.Invoice updateDraft(@PathVariable UUID id, @Valid @RequestBody DraftLinesRequest request) {
        return invoices.updateDraft(id, lines(request.lines()));
    }

    @PostMapping("/api/v1/invoices/{id}/issue")
    @Idempotent
    @PreAuthorize("hasAuthority('billing:write')")
    @Operation(
            summary = "Issue a draft",
            description = "Gives it the next gapless number, the issue and due dates and the ledger debit; 409"
                    + " `invoice-not-draft`, or `invoice-empty` for a draft that comes to nothing")
    BillingViews.Invoice issue(@PathVariable UUID id) {
        return invoices.issue(id);
    }

    record PaymentRequest(
            @NotNull UUID customerId,
            @Schema(example = "25.00") @NotNull @Positive BigDecimal amount,

            @Schema(example = "CASH") @NotNull @Pattern(regexp = "CASH|BANK_TRANSFER|CHEQUE")
            String method,

            @Schema(example = "TRX-1042") @Nullable @Size(max = 100)
            String reference,

            @Schema(description = "Invoices to pay; the oldest open ones when left out") @Nullable @Size(max = 100)
            List<@NotNull UUID> invoiceIds) {}

    record RunRequest(
            @Schema(description = "Preview: bill nothing, list what would be invoiced") @Nullable
            Boolean dryRun,

            @Schema(description = "Answer when the run has finished instead of at once") @Nullable
            Boolean awaitCompletion) {}

    @GetMapping("/api/v1/invoices/{id}")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(summary = "Get an invoice with its lines")
    BillingViews.Invoice invoice(@PathVariable UUID id) {
        return invoices.invoice(id);
    }

    @GetMapping(value = "/api/v1/invoices/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(summary = "An invoice as PDF", description = "With the tenant's name as letterhead")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        var invoice = invoices.invoice(id);
        return PdfDownloads.of(invoice.number() == null ? "invoice" : invoice.number(), pdfs.pdf(id), false);
    }

    @PostMapping("/api/v1/invoices/{id}/void")
    @Idempotent
    @PreAuthorize("hasAuthority('invoices:void')")
    @Operation(
            summary = "Void an invoice",
            description = "A draft, or an issued, unpaid one (409 `invoice-not-voidable`); for an issued one a credit"
                    + " note entry takes its amount off the ledger, the invoice and its number stay")
    BillingViews.Invoice voidInvoice(@PathVariable UUID id, @Valid @RequestBody VoidRequest request) {
        return invoices.voidInvoice(id, request.reason());
    }

    @PostMapping("/api/v1/payments")
    @Idempotent
    @PreAuthorize("hasAuthority('payments:record')")
    @Operation(
            summary = "Record a payment",
            description = "Cash, bank transfer or cheque; allocated to the chosen invoices or the oldest open ones,"
                    + " anything left stays on the ledger as credit")
    ResponseEntity<BillingViews.Payment> pay(@Valid @RequestBody PaymentRequest request) {
        var payment = payments.recordPayment(
                request.customerId(),
                request.amount(),
                request.method(),
                request.reference(),
                request.invoiceIds() == null ? List.of() : request.invoiceIds());
        return ResponseEntity.created(URI.create("/api/v1/payments/" + payment.id()))
                .body(payment);
    }

    @GetMapping("/api/v1/payments")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(summary = "List payments", description = "Newest first; filter by customer")
    PageResponse<BillingViews.Payment> payments(
            @RequestParam(required = false) @Nullable UUID customerId, @ParameterObject Pageable pageable) {
        return PageResponse.of(payments.payments(customerId, Paging.restrict(pageable, Map.of(), Sort.unsorted())));
    }

    @GetMapping("/api/v1/payments/{id}")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(summary = "Get a payment and its allocations")
    BillingViews.Payment payment(@PathVariable UUID id) {
        return payments.payment(id);
    }

    @GetMapping("/api/v1/customers/{id}/ledger")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(
            summary = "A customer's ledger",
            description = "Every debit and credit with the running balance; the balance is the entries' sum")
    BillingViews.Ledger ledger(@PathVariable UUID id) {
        return ledger.ledger(id);
    }

    @PostMapping("/api/v1/billing-runs")
    @Idempotent
    @PreAuthorize("hasAuthority('billing:run')")
    @Operation(
            summary = "Start a billing run",
            description = "Bills monthly postpaid subscriptions for the last month that has ended, once each"
                    + " (repeating a run bills nothing twice). 409 `run-in-progress` while another runs. Poll"
                    + " `GET /api/v1/billing-runs/{id}` for progress.")
    ResponseEntity<BillingViews.Run> start(@RequestBody(required = false) @Nullable RunRequest request) {
        boolean dry = request != null && Boolean.TRUE.equals(request.dryRun());
        boolean wait = request != null && Boolean.TRUE.equals(request.awaitCompletion());
        var run = runs.start(dry, wait);
        return ResponseEntity.created(URI.create("/api/v1/billing-runs/" + run.id()))
                .body(run);
    }

    @GetMapping("/api/v1/billing-runs")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(summary = "Billing runs", description = "Newest first")
    PageResponse<BillingViews.Run> runs(@ParameterObject Pageable pageable) {
        return PageResponse.of(runs.runs(Paging.restrict(pageable, Map.of(), Sort.unsorted())));
    }

    @GetMapping("/api/v1/billing-runs/{id}")
    @PreAuthorize("hasAuthority('billing:read')")
    @Operation(summary = "A billing run and its progress")
    BillingViews.Run run(@PathVariable UUID id) {
        return runs.run(id);
    }
}
