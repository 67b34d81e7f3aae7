package io.moonknight.billing.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.billing.domain.InvoiceNumbers;
import io.moonknight.billing.domain.Money;
import io.moonknight.billing.domain.Tax;
import io.moonknight.shared.db.SqlArrays;
import io.moonknight.shared.tenant.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes invoices: lines taxed by the tenant's rates for their tax class, totals, a gapless number given on
 * issue (the tenant's counter row is moved inside the issuing transaction, so a rolled-back issue gives its
 * number back and concurrent issues queue on the row), and the ledger debit.
 */
@Component
class InvoiceWriter {

    /** A line before tax: its amount as priced (tax-inclusive or not, per the class's rates). */
    record Charge(
            String description,
            @Nullable UUID subscriptionId,
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd,
            BigDecimal amount,
            String taxClass) {}

    record TaxRate(String name, BigDecimal percent, boolean inclusive) {}

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    InvoiceWriter(
            JdbcClient jdbc,
            Accounts accounts,
            AuditTrail audit,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** Creates and issues an invoice in the caller's transaction; returns its id. */
    UUID issue(
            Accounts.Account account,
            List<Charge> charges,
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd,
            LocalDate issuedOn) {
        UUID id = draft(account, charges, periodStart, periodEnd);
        issueDraft(id, account, issuedOn);
        return id;
    }

    /** A line's amounts in the currency's minor units. */
    private record Taxed(BigDecimal net, BigDecimal tax, BigDecimal gross) {}

    /**
     * A line taxed by its class's rates (inclusive or on top), or, for a tax-exempt account, without tax: a price
     * that includes tax is charged net of it.
     */
    private static Taxed taxed(
            Charge charge, Accounts.Account account, java.util.function.Function<String, List<TaxRate>> ratesOf) {
        var currency = account.currency();
        List<TaxRate> rates = ratesOf.apply(charge.taxClass());
        boolean inclusive = !rates.isEmpty() && rates.getFirst().inclusive();
        Tax.Breakdown breakdown = Tax.apply(
                charge.amount(),
                rates.stream().map(r -> new Tax.Rate(r.name(), r.percent())).toList(),
                inclusive,
                currency);
        if (account.taxExempt()) {
            return new Taxed(breakdown.net(), Money.zero(currency), breakdown.net());
        }
        BigDecimal tax = breakdown.taxes().stream().reduce(Money.zero(currency), BigDecimal::add);
        return new Taxed(breakdown.net(), tax, breakdown.gross());
    }

    /** What an invoice of these charges would come to with tax, as {@link #issue} would write it. */
    BigDecimal total(Accounts.Account account, List<Charge> charges) {
        BigDecimal total = Money.zero(account.currency());
        for (Charge charge : charges) {
            total = total.add(taxed(charge, account, this::rates).gross());
        }
        return total;
    }

    /** Creates a draft: lines taxed and totalled, no number, nothing on the ledger yet. */
    UUID draft(
            Accounts.Account account,
            List<Charge> charges,
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd) {
        UUID id = UUID.randomUUID();
        var currency = account.currency();
        jdbc.sql("""
            insert into billing.invoices (id, tenant_id, account_id, customer_id, status, currency, period_start,
                period_end, net, tax, total, created_at, customer_tax_id, tax_exempt)
            select :id, :tenant, :account, :customer, 'DRAFT', :currency, :ps, :pe, 0, 0, 0, :now, tax_id, tax_exempt
            from billing.accounts where id = :account
            """)
                .param("id", id)
                .param("tenant", TenantContext.require())
                .param("account", account.id())
                .param("customer", account.customerId())
                .param("currency", currency.getCurrencyCode())
                .param("ps", periodStart)
                .param("pe", periodEnd)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        writeLines(id, account, charges);
        return id;
    }

    /** Replaces a draft's lines and totals (a draft is not yet anyone's record: nothing of it is kept). */
    void replaceLines(UUID draftId, Accounts.Account account, List<Charge> charges) {
        jdbc.sql("delete from billing.invoice_lines where invoice_id = :id")
                .param("id", draftId)
                .update();
        writeLines(draftId, account, charges);
    }

    private void writeLines(UUID invoiceId, Accounts.Account account, List<Charge> charges) {
        var currency = account.currency();
        BigDecimal net = Money.zero(currency);
        BigDecimal tax = Money.zero(currency);
        int position = 1;
        for (Charge charge : charges) {
            Taxed taxed = taxed(charge, account, this::rates);
            net = net.add(taxed.net());
            tax = tax.add(taxed.tax());
            jdbc.sql("""
                insert into billing.invoice_lines (id, tenant_id, invoice_id, position, description, subscription_id,
                    period_start, period_end, net, tax, total)
                values (:id, :t, :invoice, :position, :description, :subscription, :ps, :pe, :net, :tax, :total)
                """)
                    .param("id", UUID.randomUUID())
                    .param("t", TenantContext.require())
                    .param("invoice", invoiceId)
                    .param("position", position++)
                    .param("description", charge.description())
                    .param("subscription", charge.subscriptionId())
                    .param("ps", charge.periodStart())
                    .param("pe", charge.periodEnd())
                    .param("net", taxed.net())
                    .param("tax", taxed.tax())
                    .param("total", taxed.gross())
                    .update();
        }
        jdbc.sql("""
            update billing.invoices i set net = :net, tax = :tax, total = :total, customer_tax_id = a.tax_id,
                tax_exempt = a.tax_exempt
            from billing.accounts a where i.id = :id and a.id = i.account_id
            """)
                .param("net", net)
                .param("tax", tax)
                .param("total", net.add(tax))
                .param("id", invoiceId)
                .update();
    }

    /**
     * Issues a draft in the caller's transaction: the next gapless number, the issue and due dates, the ledger
     * debit. Returns false when it is no longer a draft (issued or voided meanwhile).
     */
    boolean issueDraft(UUID id, Accounts.Account account, LocalDate issuedOn) {
        UUID tenant = TenantContext.require();
        BigDecimal total = jdbc.sql("select total from billing.invoices where id = :id and status = 'DRAFT' for update")
                .param("id", id)
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
        if (total == null) {
            return false;
        }
        String number = nextNumber(tenant, issuedOn);
        LocalDate due = issuedOn.plusDays(account.paymentTerms());
        jdbc.sql("""
            update billing.invoices set status = 'ISSUED', number = :number, issued_on = :issued, due_on = :due
            where id = :id
            """)
                .param("number", number)
                .param("issued", issuedOn)
                .param("due", due)
                .param("id", id)
                .update();
        accounts.post(account.id(), "INVOICE", total, id, "Invoice " + number);
        events.publishEvent(new io.moonknight.billing.InvoiceIssued(
                tenant,
                account.customerId(),
                id,
                number,
                total,
                account.currency().getCurrencyCode(),
                issuedOn,
                due,
                clock.instant()));
        audit.record(AuditRecord.of("invoice.issued", "Invoice", id)
                .with("number", number)
                .with("total", total));
        return true;
    }

    /** One invoice of a billing run: its id (already claimed), account and lines. */
    record Draft(UUID id, Accounts.Account account, List<Charge> lines, LocalDate periodStart, LocalDate periodEnd) {}

    /**
     * Issues many invoices at once in the caller's transaction: a block of consecutive numbers
     * taken from the tenant's counter in one update (so still gapless), then invoices, lines and ledger entries
     * each written with one statement. Audited as one record for the batch.
     */
    void issueAll(List<Draft> drafts, LocalDate issuedOn) {
        if (drafts.isEmpty()) {
            return;
        }
        UUID tenant = TenantContext.require();
        jdbc.sql("insert into billing.invoice_sequences (tenant_id) values (:t) on conflict (tenant_id) do nothing")
                .param("t", tenant)
                .update();
        var block = jdbc.sql("""
            update billing.invoice_sequences set next = next + :n where tenant_id = :t returning next - :n as first, format
            """)
                .param("t", tenant)
                .param("n", drafts.size())
                .query((row, i) -> Map.entry(row.getLong("first"), row.getString("format")))
                .single();
        Map<String, List<TaxRate>> rates = new java.util.HashMap<>();
        List<Object> ids = new ArrayList<>();
        List<Object> accountIds = new ArrayList<>();
        List<Object> customers = new ArrayList<>();
        List<Object> numbers = new ArrayList<>();
        List<Object> currencies = new ArrayList<>();
        List<Object> dues = new ArrayList<>();
        List<Object> starts = new ArrayList<>();
        List<Object> ends = new ArrayList<>();
        List<Object> nets = new ArrayList<>();
        List<Object> taxes = new ArrayList<>();
        List<Object> totals = new ArrayList<>();
        List<@org.jspecify.annotations.Nullable Object> taxIds = new ArrayList<>();
        List<Object> exempt = new ArrayList<>();
        List<Object> lineIds = new ArrayList<>();
        List<Object> lineInvoices = new ArrayList<>();
        List<Object> positions = new ArrayList<>();
        List<Object> lineNets = new ArrayList<>();
        List<Object> lineTaxes = new ArrayList<>();
        List<Object> lineTotals = new ArrayList<>();
        List<Object> descriptions = new ArrayList<>();
        List<Object> subscriptions = new ArrayList<>();
        List<Object> lineStarts = new ArrayList<>();
        List<Object> lineEnds = new ArrayList<>();
        List<Object> ledgerIds = new ArrayList<>();
        List<Object> ledgerTexts = new ArrayList<>();
        long sequence = block.getKey();
        BigDecimal sum = BigDecimal.ZERO;
        for (Draft draft : drafts) {
            var currency = draft.account().currency();
            BigDecimal net = Money.zero(currency);
            BigDecimal tax = Money.zero(currency);
            int position = 1;
            for (Charge line : draft.lines()) {
                Taxed taxed = taxed(line, draft.account(), c -> rates.computeIfAbsent(c, this::rates));
                net = net.add(taxed.net());
                tax = tax.add(taxed.tax());
                lineIds.add(UUID.randomUUID());
                lineInvoices.add(draft.id());
                positions.add(position++);
                lineNets.add(taxed.net());
                lineTaxes.add(taxed.tax());
                lineTotals.add(taxed.gross());
                descriptions.add(line.description());
                subscriptions.add(line.subscriptionId());
                lineStarts.add(line.periodStart());
                lineEnds.add(line.periodEnd());
            }
            BigDecimal total = net.add(tax);
            String number = InvoiceNumbers.format(block.getValue(), issuedOn, sequence++);
            ids.add(draft.id());
            accountIds.add(draft.account().id());
            customers.add(draft.account().customerId());
            numbers.add(number);
            currencies.add(currency.getCurrencyCode());
            dues.add(issuedOn.plusDays(draft.account().paymentTerms()));
            starts.add(draft.periodStart());
            ends.add(draft.periodEnd());
            nets.add(net);
            taxes.add(tax);
            totals.add(total);
            taxIds.add(draft.account().taxId());
            exempt.add(draft.account().taxExempt());
            ledgerIds.add(UUID.randomUUID());
            ledgerTexts.add("Invoice " + number);
            sum = sum.add(total);
        }
        var now = java.sql.Timestamp.from(clock.instant());
        jdbc.sql("""
            insert into billing.invoices (id, tenant_id, account_id, customer_id, number, status, currency, issued_on,
                due_on, period_start, period_end, net, tax, total, created_at, customer_tax_id, tax_exempt)
            select id, :t, account, customer, number, 'ISSUED', currency, :issued, due, ps, pe, net, tax, total, :now,
                tax_id, exempt
            from unnest(cast(:ids as uuid[]), cast(:accounts as uuid[]), cast(:customers as uuid[]),
                cast(:numbers as text[]), cast(:currencies as text[]), cast(:dues as date[]), cast(:starts as date[]),
                cast(:ends as date[]), cast(:nets as numeric[]), cast(:taxes as numeric[]), cast(:totals as numeric[]),
                cast(:taxIds as text[]), cast(:exempt as boolean[]))
                as x(id, account, customer, number, currency, due, ps, pe, net, tax, total, tax_id, exempt)
            """)
                .param("t", tenant)
                .param("issued", issuedOn)
                .param("now", now)
                .param("ids", SqlArrays.literal(ids))
                .param("accounts", SqlArrays.literal(accountIds))
                .param("customers", SqlArrays.literal(customers))
                .param("numbers", SqlArrays.literal(numbers))
                .param("currencies", SqlArrays.literal(currencies))
                .param("dues", SqlArrays.literal(dues))
                .param("starts", SqlArrays.literal(starts))
                .param("ends", SqlArrays.literal(ends))
                .param("nets", SqlArrays.literal(nets))
                .param("taxes", SqlArrays.literal(taxes))
                .param("totals", SqlArrays.literal(totals))
                .param("taxIds", SqlArrays.literal(taxIds))
                .param("exempt", SqlArrays.literal(exempt))
                .update();
        jdbc.sql("""
            insert into billing.invoice_lines (id, tenant_id, invoice_id, position, description, subscription_id,
                period_start, period_end, net, tax, total)
            select id, :t, invoice, position, description, subscription, ps, pe, net, tax, total
            from unnest(cast(:ids as uuid[]), cast(:invoices as uuid[]), cast(:positions as int[]),
                cast(:descriptions as text[]), cast(:subscriptions as uuid[]), cast(:starts as date[]),
                cast(:ends as date[]), cast(:nets as numeric[]), cast(:taxes as numeric[]), cast(:totals as numeric[]))
                as x(id, invoice, position, description, subscription, ps, pe, net, tax, total)
            """)
                .param("t", tenant)
                .param("ids", SqlArrays.literal(lineIds))
                .param("invoices", SqlArrays.literal(lineInvoices))
                .param("positions", SqlArrays.literal(positions))
                .param("descriptions", SqlArrays.literal(descriptions))
                .param("subscriptions", SqlArrays.literal(subscriptions))
                .param("starts", SqlArrays.literal(lineStarts))
                .param("ends", SqlArrays.literal(lineEnds))
                .param("nets", SqlArrays.literal(lineNets))
                .param("taxes", SqlArrays.literal(lineTaxes))
                .param("totals", SqlArrays.literal(lineTotals))
                .update();
        jdbc.sql("""
            insert into billing.ledger_entries (id, tenant_id, account_id, occurred_at, kind, amount, reference_id,
                description)
            select id, :t, account, :now, 'INVOICE', total, invoice, description
            from unnest(cast(:ids as uuid[]), cast(:accounts as uuid[]), cast(:totals as numeric[]),
                cast(:invoices as uuid[]), cast(:descriptions as text[])) as x(id, account, total, invoice, description)
            """)
                .param("t", tenant)
                .param("now", now)
                .param("ids", SqlArrays.literal(ledgerIds))
                .param("accounts", SqlArrays.literal(accountIds))
                .param("totals", SqlArrays.literal(totals))
                .param("invoices", SqlArrays.literal(ids))
                .param("descriptions", SqlArrays.literal(ledgerTexts))
                .update();
        Instant issuedAt = clock.instant();
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            events.publishEvent(new io.moonknight.billing.InvoiceIssued(
                    tenant,
                    draft.account().customerId(),
                    draft.id(),
                    (String) numbers.get(i),
                    (BigDecimal) totals.get(i),
                    draft.account().currency().getCurrencyCode(),
                    issuedOn,
                    (LocalDate) dues.get(i),
                    issuedAt));
        }
        audit.record(AuditRecord.of("invoice.issued-batch", "BillingRun", null)
                .with("invoices", drafts.size())
                .with("first", numbers.getFirst())
                .with("last", numbers.getLast())
                .with("total", sum));
    }

    private String nextNumber(UUID tenant, LocalDate issuedOn) {
        jdbc.sql("insert into billing.invoice_sequences (tenant_id) values (:t) on conflict (tenant_id) do nothing")
                .param("t", tenant)
                .update();
        return jdbc.sql("""
            update billing.invoice_sequences set next = next + 1 where tenant_id = :t returning next - 1 as seq, format
            """)
                .param("t", tenant)
                .query((row, i) -> InvoiceNumbers.format(row.getString("format"), issuedOn, row.getLong("seq")))
                .single();
    }

    private List<TaxRate> rates(String taxClass) {
        return jdbc.sql("""
            select name, percent, inclusive from billing.tax_rates where tenant_id = :t and tax_class = :c order by name
            """)
                .param("t", TenantContext.require())
                .param("c", taxClass)
                .query((row, i) ->
                        new TaxRate(row.getString("name"), row.getBigDecimal("percent"), row.getBoolean("inclusive")))
                .list();
    }
}
