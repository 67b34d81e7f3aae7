package io.moonknight.billing.internal;

import io.moonknight.customers.CustomerDirectory;
import io.moonknight.customers.CustomerSummary;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's statement of account for a date range, read from the ledger: the balance before the first day,
 * every entry of the range (invoices, payments, credit notes, refunds, adjustments) with the running balance, and
 * the balance after the last day. Days are the tenant's days (its timezone). Read-only.
 */
@Service
public class Statements {

    /** The longest range one statement covers. */
    public static final int MAX_YEARS = 5;

    /** One ledger entry on a statement: a debit raises what the customer owes, a credit lowers it. */
    public record Line(
            LocalDate date,
            String kind,
            @Nullable String reference,
            String description,
            BigDecimal debit,
            BigDecimal credit,
            BigDecimal balance) {}

    public record Statement(
            UUID customerId,
            String customerName,
            String accountNumber,
            String currency,
            LocalDate from,
            LocalDate to,
            BigDecimal opening,
            List<Line> lines,
            BigDecimal debits,
            BigDecimal credits,
            BigDecimal closing) {}

    /** A validated date range. */
    public record Range(LocalDate from, LocalDate to) {}

    private final JdbcClient jdbc;
    private final CustomerDirectory customers;
    private final TenantDirectory tenants;
    private final Clock clock;

    Statements(JdbcClient jdbc, CustomerDirectory customers, TenantDirectory tenants, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * The range from request parameters ({@code yyyy-MM-dd}): {@code to} defaults to today, {@code from} to three
     * months before {@code to}; a bad date, {@code from} after {@code to} or a range over {@value #MAX_YEARS} years
     * is a 400 naming the field.
     */
    public Range range(@Nullable String from, @Nullable String to) {
        LocalDate today = LocalDate.now(clock.withZone(tenants.zone(TenantContext.require())));
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusMonths(3));
        if (start.isAfter(end)) {
            throw ProblemException.invalidField("from", "must be on or before 'to' (" + end + ")");
        }
        if (start.isBefore(end.minusYears(MAX_YEARS))) {
            throw ProblemException.invalidField("from", "a statement covers at most " + MAX_YEARS + " years");
        }
        return new Range(start, end);
    }

    private static LocalDate date(String field, @Nullable String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 1900 || date.getYear() > 9999) {
                throw ProblemException.invalidField(field, "must be a date between 1900 and 9999");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date as yyyy-MM-dd");
        }
    }

    /** The statement of a customer of the bound tenant; 404 for an unknown customer (or another tenant's). */
    @Transactional(readOnly = true)
    public Statement of(UUID customerId, Range range) {
        UUID tenant = TenantContext.require();
        CustomerSummary customer =
                customers.find(customerId).orElseThrow(() -> ProblemException.notFound("Customer", customerId));
        ZoneId zone = tenants.zone(tenant);
        var account = jdbc.sql("select id, currency from billing.accounts where tenant_id = :t and customer_id = :c")
                .param("t", tenant)
                .param("c", customerId)
                .query((row, i) -> new Object[] {row.getObject("id", UUID.class), row.getString("currency")})
                .optional();
        String currency =
                account.map(a -> (String) a[1]).orElse(tenants.currency(tenant).getCurrencyCode());
        Timestamp start = Timestamp.from(range.from().atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(range.to().plusDays(1).atStartOfDay(zone).toInstant());
        BigDecimal opening = BigDecimal.ZERO;
        List<Line> lines = new ArrayList<>();
        if (account.isPresent()) {
            UUID accountId = (UUID) account.get()[0];
            opening = jdbc.sql("""
                select coalesce(sum(amount), 0) from billing.ledger_entries
                where tenant_id = :t and account_id = :a and occurred_at < :start
                """)
                    .param("t", tenant)
                    .param("a", accountId)
                    .param("start", start)
                    .query(BigDecimal.class)
                    .single();
            BigDecimal[] running = {opening};
            lines = jdbc.sql("""
                select e.occurred_at, e.kind, e.amount, e.description, coalesce(i.number, p.receipt_number) as ref
                from billing.ledger_entries e
                left join billing.invoices i on i.tenant_id = e.tenant_id and i.id = e.reference_id
                left join billing.payments p on p.tenant_id = e.tenant_id and p.id = e.reference_id
                where e.tenant_id = :t and e.account_id = :a and e.occurred_at >= :start and e.occurred_at < :end
                order by e.occurred_at, e.id
                """)
                    .param("t", tenant)
                    .param("a", accountId)
                    .param("start", start)
                    .param("end", end)
                    .query((row, i) -> {
                        BigDecimal amount = row.getBigDecimal("amount");
                        running[0] = running[0].add(amount);
                        return new Line(
                                row.getTimestamp("occurred_at")
                                        .toInstant()
                                        .atZone(zone)
                                        .toLocalDate(),
                                row.getString("kind"),
                                row.getString("ref"),
                                row.getString("description"),
                                amount.signum() > 0 ? amount : BigDecimal.ZERO,
                                amount.signum() < 0 ? amount.negate() : BigDecimal.ZERO,
                                running[0]);
                    })
                    .list();
        }
        BigDecimal debits = lines.stream().map(Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = lines.stream().map(Line::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Statement(
                customerId,
                customer.displayName(),
                customer.accountNumber(),
                currency,
                range.from(),
                range.to(),
                opening,
                List.copyOf(lines),
                debits,
                credits,
                opening.add(debits).subtract(credits));
    }

    /**
     * The account balance right after a payment was posted (for its receipt): every ledger entry up to and
     * including the payment's.
     */
    @Transactional(readOnly = true)
    public BigDecimal balanceAfterPayment(UUID paymentId) {
        return jdbc.sql("""
            select coalesce(sum(e.amount), 0) from billing.ledger_entries p
            join billing.ledger_entries e on e.tenant_id = p.tenant_id and e.account_id = p.account_id
                and (e.occurred_at, e.id) <= (p.occurred_at, p.id)
            where p.tenant_id = :t and p.kind = 'PAYMENT' and p.reference_id = :payment
            """)
                .param("t", TenantContext.require())
                .param("payment", paymentId)
                .query(BigDecimal.class)
                .single();
    }
}
