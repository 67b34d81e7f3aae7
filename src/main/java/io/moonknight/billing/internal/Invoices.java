package io.moonknight.billing.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.billing.domain.Money;
import io.moonknight.customers.CustomerDirectory;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Invoices in the bound tenant: manual drafts, issuing and voiding, and reads. */
@Service
public class Invoices {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final InvoiceWriter writer;
    private final CustomerDirectory customers;
    private final AuditTrail audit;
    private final Credit credit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Invoices(
            JdbcClient jdbc,
            Accounts accounts,
            InvoiceWriter writer,
            CustomerDirectory customers,
            AuditTrail audit,
            Credit credit,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.writer = writer;
        this.customers = customers;
        this.audit = audit;
        this.credit = credit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Page<BillingViews.Invoice> invoices(@Nullable UUID customerId, @Nullable String status, Pageable pageable) {
        var where = new StringBuilder("tenant_id = :t");
        Map<String, Object> params = new HashMap<>();
        params.put("t", TenantContext.require());
        if (customerId != null) {
            where.append(" and customer_id = :c");
            params.put("c", customerId);
        }
        if (status != null && !status.isBlank()) {
            where.append(" and status = :s");
            params.put("s", status.strip().toUpperCase(java.util.Locale.ROOT));
        }
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        long[] total = {0};
        List<BillingViews.Invoice> rows = jdbc.sql("select *, count(*) over () as all_rows from billing.invoices where "
                        + where + " order by created_at desc, id limit :limit offset :offset")
                .params(params)
                .query((row, i) -> {
                    total[0] = row.getLong("all_rows");
                    return invoiceView(row, List.of());
                })
                .list();
        return new PageImpl<>(rows, pageable, total[0]);
    }

    @Transactional(readOnly = true)
    public BillingViews.Invoice invoice(UUID id) {
        List<BillingViews.InvoiceLine> lines = jdbc.sql(
                        "select * from billing.invoice_lines where invoice_id = :id order by position")
                .param("id", id)
                .query((row, i) -> new BillingViews.InvoiceLine(
                        row.getInt("position"),
                        row.getString("description"),
                        row.getObject("subscription_id", UUID.class),
                        row.getObject("period_start", LocalDate.class),
                        row.getObject("period_end", LocalDate.class),
                        row.getBigDecimal("net"),
                        row.getBigDecimal("tax"),
                        row.getBigDecimal("total")))
                .list();
        return jdbc.sql("select * from billing.invoices where tenant_id = :t and id = :id")
                .param("t", TenantContext.require())
                .param("id", id)
                .query((row, i) -> invoiceView(row, lines))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Invoice", id));
    }

    /** Voids an unpaid invoice: a credit note entry in the ledger takes its amount back; nothing is deleted. */
    @Transactional
    public BillingViews.Invoice voidInvoice(UUID id, String reason) {
        // the status that decides whether a credit note is due is read under the account's lock, which issuing,
        // paying and voiding all take first: a status read before it could be a draft issued meanwhile
        accounts.lockFor(invoice(id).customerId());
        var invoice = invoice(id);
        int voided = jdbc.sql("""
            update billing.invoices set status = 'VOID', voided_at = :now, void_reason = :r
            where id = :id and status = :seen and (status = 'DRAFT' or (status = 'ISSUED' and paid = 0))
            """)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("r", reason)
                .param("id", id)
                .param("seen", invoice.status())
                .update();
        if (voided == 0) {
            throw ProblemException.conflict(
                    "invoice-not-voidable",
                    "Only a draft or an issued, unpaid invoice can be voided; refund payments first");
        }
        UUID tenant = TenantContext.require();
        if (invoice.status().equals("ISSUED")) {
            UUID account = accounts.of(invoice.customerId()).id();
            String number = java.util.Objects.requireNonNull(invoice.number());
            accounts.post(account, "CREDIT_NOTE", invoice.total().negate(), id, "Credit note for " + number);
            events.publishEvent(new io.moonknight.billing.CreditNoteIssued(
                    tenant, invoice.customerId(), id, number, invoice.total(), invoice.currency(), clock.instant()));
        }
        events.publishEvent(new io.moonknight.billing.InvoiceVoided(
                tenant, invoice.customerId(), id, invoice.number(), reason, clock.instant()));
        audit.record(AuditRecord.of("invoice.voided", "Invoice", id).with("reason", reason));
        return invoice(id);
    }

    /** A line of a manual invoice: the amount is the quantity times the unit price, negative for a discount. */
    public record DraftLine(
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice,
            @Nullable String taxClass) {}

    /** A manual invoice, as a draft: lines and totals, no number until it is issued. */
    @Transactional
    public BillingViews.Invoice draft(UUID customerId, List<DraftLine> lines) {
        var _ = customers
                .find(customerId)
                .orElseThrow(() -> ProblemException.invalidField("customerId", "no such customer"));
        Accounts.Account account = accounts.of(customerId);
        UUID id = writer.draft(account, charges(account, lines), null, null);
        audit.record(AuditRecord.of("invoice.drafted", "Invoice", id).with("lines", lines.size()));
        return invoice(id);
    }

    /** Replaces a draft's lines; 409 {@code invoice-not-draft} once it is issued or void. */
    @Transactional
    public BillingViews.Invoice updateDraft(UUID id, List<DraftLine> lines) {
        Accounts.Account account = accounts.lockFor(invoice(id).customerId());
        var invoice = invoice(id);
        int locked = jdbc.sql("select count(*) from (select 1 from billing.invoices where id = :id and status ="
                        + " 'DRAFT' for update) d")
                .param("id", id)
                .query(Integer.class)
                .single();
        if (locked == 0) {
            throw notDraft(invoice);
        }
        writer.replaceLines(id, account, charges(account, lines));
        audit.record(AuditRecord.of("invoice.draft-changed", "Invoice", id).with("lines", lines.size()));
        return invoice(id);
    }

    /** Issues a draft: its gapless number, dates and ledger debit; paid from credit where there is some. */
    @Transactional
    public BillingViews.Invoice issue(UUID id) {
        Accounts.Account account = accounts.lockFor(invoice(id).customerId());
        var invoice = invoice(id);
        if (invoice.status().equals("DRAFT") && invoice.total().signum() <= 0) {
            throw ProblemException.conflict("invoice-empty", "An invoice for nothing or less cannot be issued");
        }
        if (!writer.issueDraft(id, account, LocalDate.now(clock.withZone(accounts.tenantZone())))) {
            throw notDraft(invoice(id));
        }
        credit.apply(account.id());
        return invoice(id);
    }

    private static ProblemException notDraft(BillingViews.Invoice invoice) {
        return ProblemException.conflict(
                        "invoice-not-draft", "Only a draft can be changed or issued; this one is " + invoice.status())
                .with("currentStatus", invoice.status());
    }

    private static List<InvoiceWriter.Charge> charges(Accounts.Account account, List<DraftLine> lines) {
        List<ProblemException.FieldError> problems = new ArrayList<>();
        if (lines.isEmpty() || lines.size() > 100) {
            problems.add(new ProblemException.FieldError("lines", "give 1 to 100 lines"));
        }
        List<InvoiceWriter.Charge> charges = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            DraftLine line = lines.get(i);
            String at = "lines[" + i + "]";
            if (line.description().isBlank() || line.description().length() > 200) {
                problems.add(new ProblemException.FieldError(at + ".description", "give 1 to 200 characters"));
            }
            if (line.quantity().signum() <= 0) {
                problems.add(new ProblemException.FieldError(at + ".quantity", "must be more than zero"));
            }
            BigDecimal amount = Money.round(line.quantity().multiply(line.unitPrice()), account.currency());
            if (amount.signum() == 0) {
                problems.add(new ProblemException.FieldError(
                        at + ".unitPrice",
                        "comes to nothing in " + account.currency().getCurrencyCode()));
            }
            charges.add(new InvoiceWriter.Charge(
                    line.quantity().compareTo(BigDecimal.ONE) == 0
                            ? line.description().strip()
                            : line.description().strip() + " ("
                                    + line.quantity().stripTrailingZeros().toPlainString() + " × "
                                    + line.unitPrice().stripTrailingZeros().toPlainString() + ")",
                    null,
                    null,
                    null,
                    amount,
                    line.taxClass() == null || line.taxClass().isBlank()
                            ? "standard"
                            : line.taxClass().strip()));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        return charges;
    }

    private BillingViews.Invoice invoiceView(ResultSet row, List<BillingViews.InvoiceLine> lines) throws SQLException {
        BigDecimal total = row.getBigDecimal("total");
        BigDecimal paid = row.getBigDecimal("paid");
        String status = row.getString("status");
        LocalDate due = row.getObject("due_on", LocalDate.class);
        BigDecimal open = status.equals("VOID") ? BigDecimal.ZERO : total.subtract(paid);
        boolean overdue =
                open.signum() > 0 && due != null && due.isBefore(LocalDate.now(clock.withZone(accounts.tenantZone())));
        return new BillingViews.Invoice(
                row.getObject("id", UUID.class),
                row.getObject("customer_id", UUID.class),
                row.getString("number"),
                status,
                row.getString("currency"),
                row.getObject("issued_on", LocalDate.class),
                due,
                row.getObject("period_start", LocalDate.class),
                row.getObject("period_end", LocalDate.class),
                row.getBigDecimal("net"),
                row.getBigDecimal("tax"),
                total,
                paid,
                open,
                overdue,
                row.getString("void_reason"),
                row.getString("customer_tax_id"),
                row.getBoolean("tax_exempt"),
                lines);
    }
}
