package io.moonknight.billing.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.billing.domain.Money;
import io.moonknight.customers.CustomerDirectory;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.subscriptions.SubscriptionDirectory;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time charges: setup fees, device sales, extra services, usage and discounts. A charge waits (pending) until
 * an invoice takes it: at once when staff ask, or the next billing run, which puts all of an account's pending
 * charges dated up to the run day on one invoice. A pending charge can be cancelled; nothing is deleted. A
 * discount is a negative charge and waits until the account's other pending charges cover it.
 */
@Component
public class Charges {

    static final Set<String> KINDS = Set.of("SETUP_FEE", "DEVICE", "SERVICE", "USAGE", "DISCOUNT", "OTHER");

    /** A charge as asked for; the amount is the quantity times the unit price, in the currency's minor units. */
    public record NewCharge(
            String kind,
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice,
            @Nullable String taxClass,
            @Nullable UUID subscriptionId,
            @Nullable LocalDate chargeDate) {}

    public record Charge(
            UUID id,
            UUID customerId,
            @Nullable UUID subscriptionId,
            String kind,
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal amount,
            String currency,
            String taxClass,
            LocalDate chargeDate,
            String status,
            @Nullable UUID invoiceId,
            Instant createdAt,
            @Nullable String createdBy) {}

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final InvoiceWriter writer;
    private final Credit credit;
    private final CustomerDirectory customers;
    private final SubscriptionDirectory subscriptions;
    private final AuditTrail audit;
    private final Clock clock;
    private final io.moonknight.plans.PlanCatalog plans;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    Charges(
            JdbcClient jdbc,
            Accounts accounts,
            InvoiceWriter writer,
            Credit credit,
            CustomerDirectory customers,
            SubscriptionDirectory subscriptions,
            AuditTrail audit,
            Clock clock,
            io.moonknight.plans.PlanCatalog plans,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        this.plans = plans;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.writer = writer;
        this.credit = credit;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a pending charge; with {@code invoiceNow}, issues the account's pending charges at once. */
    @Transactional
    public Charge add(UUID customerId, NewCharge request, boolean invoiceNow) {
        var _ = customers.find(customerId).orElseThrow(() -> ProblemException.notFound("Customer", customerId));
        String kind = request.kind().toUpperCase(Locale.ROOT);
        Map<String, String> problems = new LinkedHashMap<>();
        if (!KINDS.contains(kind)) {
            problems.put(
                    "kind",
                    "must be one of "
                            + String.join(", ", KINDS.stream().sorted().toList()));
        }
        if (request.description().isBlank()) {
            problems.put("description", "must not be blank");
        }
        if (request.quantity().signum() <= 0) {
            problems.put("quantity", "must be more than zero");
        }
        if (kind.equals("DISCOUNT")
                ? request.unitPrice().signum() >= 0
                : request.unitPrice().signum() <= 0) {
            problems.put("unitPrice", kind.equals("DISCOUNT") ? "a discount is negative" : "must be more than zero");
        }
        if (request.subscriptionId() != null
                && subscriptions.ofCustomer(customerId).stream()
                        .noneMatch(s -> s.id().equals(request.subscriptionId()))) {
            problems.put("subscriptionId", "is not a subscription of this customer");
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems.entrySet().stream()
                    .map(e -> new ProblemException.FieldError(e.getKey(), e.getValue()))
                    .toList());
        }
        Accounts.Account account = accounts.of(customerId);
        BigDecimal amount = Money.round(request.quantity().multiply(request.unitPrice()), account.currency());
        if (amount.signum() == 0) {
            throw ProblemException.invalidField(
                    "unitPrice", "rounds to nothing in " + account.currency().getCurrencyCode());
        }
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock.withZone(accounts.tenantZone()));
        jdbc.sql("""
            insert into billing.charges (id, tenant_id, account_id, customer_id, subscription_id, kind, description,
                quantity, unit_price, amount, tax_class, charge_date, created_at, created_by)
            values (:id, :t, :a, :c, :s, :kind, :description, :quantity, :price, :amount, :tax, :date, :now, :by)
            """)
                .param("id", id)
                .param("t", TenantContext.require())
                .param("a", account.id())
                .param("c", customerId)
                .param("s", request.subscriptionId())
                .param("kind", kind)
                .param("description", request.description().strip())
                .param("quantity", request.quantity())
                .param("price", request.unitPrice())
                .param("amount", amount)
                .param(
                        "tax",
                        request.taxClass() == null || request.taxClass().isBlank()
                                ? "standard"
                                : request.taxClass().strip())
                .param("date", request.chargeDate() == null ? today : request.chargeDate())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("by", Actor.current().map(Actor::displayName).orElse("system"))
                .update();
        audit.record(
                AuditRecord.of("charge.added", "Charge", id).with("kind", kind).with("amount", amount));
        if (invoiceNow) {
            if (invoice(account, today, true) == null) {
                throw ProblemException.invalidField(
                        "invoiceNow", "the pending charges come to nothing or less: there is nothing to invoice");
            }
        }
        return get(id);
    }

    /**
     * A plan's setup fee becomes a pending charge when a subscription on it is first activated (once per
     * subscription, however often the event comes); the next run invoices it with the first month.
     */
    @org.springframework.transaction.event.TransactionalEventListener(
            phase = org.springframework.transaction.event.TransactionPhase.AFTER_COMMIT,
            fallbackExecution = true)
    void on(io.moonknight.subscriptions.SubscriptionActivated event) {
        TenantContext.run(event.tenantId(), () -> {
            var plan = plans.find(event.planId()).orElse(null);
            if (plan == null || plan.setupFee().signum() <= 0) {
                return;
            }
            // after the activation's commit: a transaction of its own (joining the finished one would never commit)
            var own = new org.springframework.transaction.support.TransactionTemplate(
                    java.util.Objects.requireNonNull(transactions.getTransactionManager()));
            own.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            own.executeWithoutResult(status -> {
                Accounts.Account account = accounts.of(event.customerId());
                UUID id = UUID.randomUUID();
                BigDecimal fee = Money.round(plan.setupFee(), account.currency());
                int added = jdbc.sql("""
                    insert into billing.charges (id, tenant_id, account_id, customer_id, subscription_id, kind,
                        description, quantity, unit_price, amount, tax_class, charge_date, created_at, created_by)
                    values (:id, :t, :a, :c, :s, 'SETUP_FEE', :description, 1, :fee, :fee, :tax, :date, :now,
                        'plan setup fee')
                    on conflict do nothing
                    """)
                        .param("id", id)
                        .param("t", event.tenantId())
                        .param("a", account.id())
                        .param("c", event.customerId())
                        .param("s", event.subscriptionId())
                        .param("description", "Setup fee: " + plan.name())
                        .param("fee", fee)
                        .param("tax", plan.taxClass())
                        .param("date", LocalDate.now(clock.withZone(accounts.tenantZone())))
                        .param("now", java.sql.Timestamp.from(clock.instant()))
                        .update();
                if (added == 1) {
                    audit.record(AuditRecord.of("charge.added", "Charge", id)
                            .with("kind", "SETUP_FEE")
                            .with("amount", fee)
                            .with("subscription", event.subscriptionId()));
                }
            });
        });
    }

    /** Issues one invoice for the customer's pending charges now; 409 when nothing is pending. */
    @Transactional
    public UUID invoicePending(UUID customerId) {
        var _ = customers.find(customerId).orElseThrow(() -> ProblemException.notFound("Customer", customerId));
        UUID invoice = invoice(accounts.of(customerId), LocalDate.now(clock.withZone(accounts.tenantZone())), true);
        if (invoice == null) {
            throw ProblemException.conflict(
                    "nothing-to-invoice", "The customer has no pending charges that come to more than nothing");
        }
        return invoice;
    }

    /** Cancels a pending charge; an invoiced one is corrected by voiding its invoice (409 otherwise). */
    @Transactional
    public Charge cancel(UUID id) {
        accounts.lockFor(get(id).customerId()); // invoicing the account's charges takes this lock too
        int cancelled = jdbc.sql("""
            update billing.charges set cancelled_at = :now
            where tenant_id = :t and id = :id and invoice_id is null and cancelled_at is null
            """)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("t", TenantContext.require())
                .param("id", id)
                .update();
        if (cancelled == 0) {
            Charge charge = get(id);
            throw ProblemException.conflict(
                            "charge-not-pending",
                            "Only a pending charge can be cancelled; this one is "
                                    + charge.status().toLowerCase(Locale.ROOT))
                    .with("currentStatus", charge.status());
        }
        audit.record(AuditRecord.of("charge.cancelled", "Charge", id));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Charge get(UUID id) {
        return jdbc.sql("select c.*, a.currency from billing.charges c join billing.accounts a on a.id = c.account_id"
                        + " where c.tenant_id = :t and c.id = :id")
                .param("t", TenantContext.require())
                .param("id", id)
                .query(Charges::view)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Charge", id));
    }

    /** The tenant's charges, newest first, optionally of one status (PENDING, INVOICED, CANCELLED). */
    @Transactional(readOnly = true)
    public org.springframework.data.domain.Page<Charge> list(
            @Nullable String status, org.springframework.data.domain.Pageable pageable) {
        String where = status == null
                ? ""
                : switch (status.toUpperCase(Locale.ROOT)) {
                    case "PENDING" -> " and c.invoice_id is null and c.cancelled_at is null";
                    case "INVOICED" -> " and c.invoice_id is not null";
                    default -> " and c.cancelled_at is not null";
                };
        long total = jdbc.sql("select count(*) from billing.charges c where c.tenant_id = :t" + where)
                .param("t", TenantContext.require())
                .query(Long.class)
                .single();
        List<Charge> page = jdbc.sql("select c.*, a.currency from billing.charges c join billing.accounts a on a.id ="
                        + " c.account_id where c.tenant_id = :t" + where
                        + " order by c.created_at desc, c.id limit :limit offset :offset")
                .param("t", TenantContext.require())
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(Charges::view)
                .list();
        return new org.springframework.data.domain.PageImpl<>(page, pageable, total);
    }

    /** A customer's charges, newest first; {@code status} PENDING, INVOICED or CANCELLED, or all. */
    @Transactional(readOnly = true)
    public List<Charge> ofCustomer(UUID customerId, @Nullable String status) {
        var _ = customers.find(customerId).orElseThrow(() -> ProblemException.notFound("Customer", customerId));
        return jdbc
                .sql("select c.*, a.currency from billing.charges c join billing.accounts a on a.id = c.account_id"
                        + " where c.tenant_id = :t and c.customer_id = :c order by c.created_at desc limit 500")
                .param("t", TenantContext.require())
                .param("c", customerId)
                .query(Charges::view)
                .list()
                .stream()
                .filter(c -> status == null || c.status().equalsIgnoreCase(status))
                .toList();
    }

    /**
     * The billing run's part: every account with pending charges dated up to {@code today} gets one invoice for
     * them. Returns how many invoices, and adds their totals to {@code amount}.
     */
    int invoiceAllPending(LocalDate today, BigDecimal[] amount, boolean dryRun, List<BillingRunPreviews.Item> preview) {
        List<UUID> customersWithCharges = jdbc.sql("""
            select distinct customer_id from billing.charges
            where tenant_id = :t and invoice_id is null and cancelled_at is null and charge_date <= :today
            """)
                .param("t", TenantContext.require())
                .param("today", today)
                .query((row, i) -> row.getObject("customer_id", UUID.class))
                .list();
        int invoices = 0;
        for (UUID customer : customersWithCharges) {
            Accounts.Account account = accounts.of(customer);
            if (dryRun) {
                BigDecimal pending = pendingTotal(account, today);
                if (pending.signum() > 0) {
                    preview.add(new BillingRunPreviews.Item(
                            customer, null, pending, account.currency().getCurrencyCode()));
                    amount[0] = amount[0].add(pending);
                    invoices++;
                }
                continue;
            }
            UUID invoice = invoice(account, today, false);
            if (invoice != null) {
                invoices++;
                amount[0] = amount[0].add(jdbc.sql("select total from billing.invoices where id = :i")
                        .param("i", invoice)
                        .query(BigDecimal.class)
                        .single());
            }
        }
        return invoices;
    }

    private BigDecimal pendingTotal(Accounts.Account account, LocalDate upTo) {
        return jdbc.sql("""
            select coalesce(sum(amount), 0) from billing.charges
            where tenant_id = :t and account_id = :a and invoice_id is null and cancelled_at is null
              and charge_date <= :upTo
            """)
                .param("t", TenantContext.require())
                .param("a", account.id())
                .param("upTo", upTo)
                .query(BigDecimal.class)
                .single();
    }

    /**
     * Puts the account's pending charges (up to {@code today}; with {@code anyDate} also future-dated ones) on one
     * invoice; null when they come to nothing or less (a discount waits for charges to cover it).
     */
    private @Nullable UUID invoice(Accounts.Account account, LocalDate today, boolean anyDate) {
        record Pending(
                UUID id, String description, @Nullable UUID subscription, BigDecimal amount, String taxClass) {}
        accounts.lock(account.id()); // the pending charges are read after the lock, so a cancel is in or out
        List<Pending> pending = jdbc.sql("""
            select id, description, quantity, unit_price, subscription_id, amount, tax_class from billing.charges
            where tenant_id = :t and account_id = :a and invoice_id is null and cancelled_at is null
              and (:any or charge_date <= :today)
            order by charge_date, created_at for update
            """)
                .param("t", TenantContext.require())
                .param("a", account.id())
                .param("any", anyDate)
                .param("today", today)
                .query((row, i) -> new Pending(
                        row.getObject("id", UUID.class),
                        describe(row),
                        row.getObject("subscription_id", UUID.class),
                        row.getBigDecimal("amount"),
                        row.getString("tax_class")))
                .list();
        BigDecimal total = pending.stream().map(Pending::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (pending.isEmpty() || total.signum() <= 0) {
            return null;
        }
        List<InvoiceWriter.Charge> lines = new ArrayList<>();
        for (Pending charge : pending) {
            lines.add(new InvoiceWriter.Charge(
                    charge.description(), charge.subscription(), null, null, charge.amount(), charge.taxClass()));
        }
        UUID invoice = writer.issue(account, lines, null, null, today);
        jdbc.sql("update billing.charges set invoice_id = :i where id = any(cast(:ids as uuid[]))")
                .param("i", invoice)
                .param(
                        "ids",
                        io.moonknight.shared.db.SqlArrays.literal(
                                pending.stream().map(Pending::id).toList()))
                .update();
        credit.apply(account.id()); // credit the customer already has pays it
        return invoice;
    }

    private static String describe(ResultSet row) throws SQLException {
        BigDecimal quantity = row.getBigDecimal("quantity").stripTrailingZeros();
        String description = row.getString("description");
        return quantity.compareTo(BigDecimal.ONE) == 0
                ? description
                : description + " (" + quantity.toPlainString() + " × "
                        + row.getBigDecimal("unit_price").stripTrailingZeros().toPlainString() + ")";
    }

    private static Charge view(ResultSet row, int i) throws SQLException {
        String status = row.getObject("invoice_id") != null
                ? "INVOICED"
                : row.getTimestamp("cancelled_at") != null ? "CANCELLED" : "PENDING";
        return new Charge(
                row.getObject("id", UUID.class),
                row.getObject("customer_id", UUID.class),
                row.getObject("subscription_id", UUID.class),
                row.getString("kind"),
                row.getString("description"),
                row.getBigDecimal("quantity").stripTrailingZeros(),
                row.getBigDecimal("unit_price"),
                row.getBigDecimal("amount"),
                row.getString("currency"),
                row.getString("tax_class"),
                row.getObject("charge_date", LocalDate.class),
                status,
                row.getObject("invoice_id", UUID.class),
                row.getTimestamp("created_at").toInstant(),
                row.getString("created_by"));
    }
}
