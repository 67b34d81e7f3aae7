package io.moonknight.billing.internal;

import io.moonknight.customers.CustomerDirectory;
import io.moonknight.customers.CustomerSummary;
import io.moonknight.shared.tenant.TenantContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

/**
 * The invoice list of the console and of {@code GET /api/v1/invoices}: one page of invoices with their customer's
 * name and account number, filtered by status, issue date, customer and number, and the totals of the whole
 * filtered set. Read-only; the indexes of migration V20 serve each filter.
 */
@Service
public class InvoiceSearch {

    /**
     * Customers a name search narrows the list to, at most: the customer search's best matches. A search that matches
     * more customers than this lists the invoices of these only (type more of the name).
     */
    static final int MAX_CUSTOMERS = 1000;

    /** What an invoice list can be narrowed to; {@code OVERDUE} is an issued, unpaid invoice past its due date. */
    public enum Status {
        DRAFT,
        ISSUED,
        PARTIALLY_PAID,
        PAID,
        OVERDUE,
        VOID
    }

    /**
     * @param customer text matched against the customer's name, account number, phone or email
     * @param number the start of an invoice number, case ignored
     */
    public record Filter(
            @Nullable Status status,
            @Nullable LocalDate issuedFrom,
            @Nullable LocalDate issuedTo,
            @Nullable UUID customerId,
            @Nullable String customer,
            @Nullable String number) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    /**
     * One invoice of the list: the invoice without its lines, with its customer's name and account number. {@code
     * open} is the balance, what is still owed (zero for a void invoice, the whole total for a draft); {@code
     * overdueDays} counts the days since the due date of an issued invoice not yet paid, else 0.
     */
    public record Row(
            UUID id,
            UUID customerId,
            @Nullable String customerName,
            @Nullable String accountNumber,
            @Nullable String number,
            String status,
            String currency,
            @Nullable LocalDate issuedOn,
            @Nullable LocalDate dueOn,
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd,
            BigDecimal net,
            BigDecimal tax,
            BigDecimal total,
            BigDecimal paid,
            BigDecimal open,
            boolean overdue,
            int overdueDays,
            @Nullable String voidReason,
            @Nullable String customerTaxId,
            boolean taxExempt) {}

    /**
     * What the filtered invoices come to in one currency: drafts and void invoices are listed but not counted, so
     * {@code total} is what was billed, {@code paid} what was paid of it and {@code outstanding} what is still owed.
     */
    public record Totals(String currency, long invoices, BigDecimal total, BigDecimal paid, BigDecimal outstanding) {}

    /** One page and the totals of every invoice the filter matches (one entry per currency, usually one). */
    public record Result(Page<Row> page, List<Totals> totals) {}

    private final JdbcClient jdbc;
    private final CustomerDirectory customers;
    private final Accounts accounts;
    private final Clock clock;

    InvoiceSearch(JdbcClient jdbc, CustomerDirectory customers, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A page of the invoices the filter matches, newest first, with the totals of all of them. */
    @Transactional(readOnly = true)
    public Result search(Filter filter, Pageable pageable) {
        LocalDate today = LocalDate.now(clock.withZone(accounts.tenantZone()));
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, today, params);
        if (where == null) {
            return new Result(new PageImpl<>(List.of(), pageable, 0), List.of());
        }
        List<RawRow> raw = jdbc.sql(
                        "select id, customer_id, number, status, currency, issued_on, due_on, period_start, period_end,"
                                + " net, tax, total, paid, void_reason, customer_tax_id, tax_exempt"
                                + " from billing.invoices where " + where
                                + " order by created_at desc, id limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((row, i) -> raw(row))
                .list();
        long[] count = {0};
        List<Totals> totals = jdbc.sql("""
            select currency, count(*) filter (where status in ('ISSUED', 'PARTIALLY_PAID', 'PAID')) as invoices,
                   count(*) as listed,
                   coalesce(sum(total) filter (where status in ('ISSUED', 'PARTIALLY_PAID', 'PAID')), 0) as total,
                   coalesce(sum(paid) filter (where status in ('ISSUED', 'PARTIALLY_PAID', 'PAID')), 0) as paid
            from billing.invoices
            """ + "where " + where + " group by currency order by currency")
                .params(params)
                .query((row, i) -> {
                    count[0] += row.getLong("listed");
                    return new Totals(
                            row.getString("currency"),
                            row.getLong("invoices"),
                            row.getBigDecimal("total"),
                            row.getBigDecimal("paid"),
                            row.getBigDecimal("total").subtract(row.getBigDecimal("paid")));
                })
                .list();
        Map<UUID, CustomerSummary> names = customers.findAll(
                raw.stream().map(RawRow::customerId).distinct().toList());
        List<Row> rows =
                raw.stream().map(r -> r.row(names.get(r.customerId()), today)).toList();
        return new Result(new PageImpl<>(rows, pageable, count[0]), totals);
    }

    /** The where clause of the filter, or null when it can match nothing (a customer search that found no one). */
    private @Nullable String where(Filter filter, LocalDate today, Map<String, Object> params) {
        var where = new StringBuilder("tenant_id = :t");
        params.put("t", TenantContext.require());
        if (filter.status() != null) {
            switch (filter.status()) {
                case OVERDUE -> {
                    where.append(" and status in ('ISSUED', 'PARTIALLY_PAID') and due_on < :today");
                    params.put("today", today);
                }
                default -> {
                    where.append(" and status = :status");
                    params.put("status", filter.status().name());
                }
            }
        }
        if (filter.issuedFrom() != null) {
            where.append(" and issued_on >= :from");
            params.put("from", filter.issuedFrom());
        }
        if (filter.issuedTo() != null) {
            where.append(" and issued_on <= :to");
            params.put("to", filter.issuedTo());
        }
        if (filter.customerId() != null) {
            where.append(" and customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.customer() != null && !filter.customer().isBlank()) {
            List<UUID> matching = customers.matching(filter.customer().strip(), MAX_CUSTOMERS);
            if (matching.isEmpty()) {
                return null;
            }
            where.append(" and customer_id = any(:customers)");
            params.put("customers", matching.toArray(UUID[]::new));
        }
        if (filter.number() != null && !filter.number().isBlank()) {
            // a prefix of the number, case ignored: served by invoices_number_search_idx
            where.append(" and upper(number) like :number escape '\\'");
            params.put("number", likePrefix(filter.number().strip().toUpperCase(java.util.Locale.ROOT)));
        }
        return where.toString();
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private record RawRow(
            UUID id,
            UUID customerId,
            @Nullable String number,
            String status,
            String currency,
            @Nullable LocalDate issuedOn,
            @Nullable LocalDate dueOn,
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd,
            BigDecimal net,
            BigDecimal tax,
            BigDecimal total,
            BigDecimal paid,
            @Nullable String voidReason,
            @Nullable String customerTaxId,
            boolean taxExempt) {

        Row row(@Nullable CustomerSummary customer, LocalDate today) {
            boolean open = status.equals("ISSUED") || status.equals("PARTIALLY_PAID");
            BigDecimal balance = status.equals("VOID") ? BigDecimal.ZERO : total.subtract(paid);
            boolean overdue = open && balance.signum() > 0 && dueOn != null && dueOn.isBefore(today);
            return new Row(
                    id,
                    customerId,
                    customer == null ? null : customer.displayName(),
                    customer == null ? null : customer.accountNumber(),
                    number,
                    status,
                    currency,
                    issuedOn,
                    dueOn,
                    periodStart,
                    periodEnd,
                    net,
                    tax,
                    total,
                    paid,
                    balance,
                    overdue,
                    overdue ? (int) ChronoUnit.DAYS.between(dueOn, today) : 0,
                    voidReason,
                    customerTaxId,
                    taxExempt);
        }
    }

    private static RawRow raw(ResultSet row) throws SQLException {
        return new RawRow(
                row.getObject("id", UUID.class),
                row.getObject("customer_id", UUID.class),
                row.getString("number"),
                row.getString("status"),
                row.getString("currency"),
                row.getObject("issued_on", LocalDate.class),
                row.getObject("due_on", LocalDate.class),
                row.getObject("period_start", LocalDate.class),
                row.getObject("period_end", LocalDate.class),
                row.getBigDecimal("net"),
                row.getBigDecimal("tax"),
                row.getBigDecimal("total"),
                row.getBigDecimal("paid"),
                row.getString("void_reason"),
                row.getString("customer_tax_id"),
                row.getBoolean("tax_exempt"));
    }
}
