package io.moonknight.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The money bugs of issue 13, each replayed with the interleaving that broke it: one operation is held open
 * inside its transaction, the other starts and runs until it finishes or waits for a lock, then the first
 * commits. Every interleaving is forced (no timing), so each test failed on the code before the fix every time.
 */
@IntegrationTest
class MoneyBugsTest {

    @LocalServerPort
    int port;

    @Autowired
    BillingRuns runs;

    @Autowired
    Invoices invoices;

    @Autowired
    Payments payments;

    @Autowired
    Credit credit;

    @Autowired
    Charges charges;

    @Autowired
    Dunning dunning;

    @Autowired
    InvoiceWriter writer;

    @Autowired
    Accounts accounts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    /** Its own threads: the common pool has one worker on a two-core machine, and a held operation blocks it. */
    final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();

    Api api;
    TestTenants.TenantFixture tenant;
    String customer;

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = new TestTenants(api).create();
        customer = newCustomer("Money", "+8801711000001");
    }

    private String newCustomer(String name, String phone) {
        return api.post(
                        "/api/v1/customers",
                        Map.of("type", "INDIVIDUAL", "firstName", name, "lastName", "Bug", "phones", List.of(phone)),
                        tenant.adminToken())
                .text("id");
    }

    // ---- bug 1: credit spent twice

    @Test
    void twoCreditApplicationsAtOnceNeverSpendAPaymentTwice() throws Exception {
        String payment = pay(customer, "100");
        UUID account = account(customer);
        issueUnpaid(customer, "100");
        issueUnpaid(customer, "100");

        var first = hold(() -> credit.apply(account));
        var second = async(() -> inTransaction(() -> credit.apply(account)));
        first.commitAfter(second);
        second.get(30, TimeUnit.SECONDS);

        assertThat(allocated(payment)).as("allocated of a payment of 100").isEqualByComparingTo("100");
        assertThat(paidOnInvoices(account)).isEqualByComparingTo("100");
    }

    @Test
    void aRefundAndACreditApplicationAtOnceNeverSpendTheSameMoney() throws Exception {
        String payment = pay(customer, "100");
        UUID account = account(customer);
        issueUnpaid(customer, "100");

        var refund = hold(
                () -> payments.refund(UUID.fromString(payment), new BigDecimal("100"), "CASH", null, "moving away"));
        var application = async(() -> inTransaction(() -> credit.apply(account)));
        refund.commitAfter(application);
        application.get(30, TimeUnit.SECONDS);

        assertThat(allocated(payment).add(refunded(payment)))
                .as("allocated and refunded of a payment of 100")
                .isEqualByComparingTo("100");
    }

    // ---- bug 2: a void racing an issue

    @Test
    void aVoidRacingAnIssueNeverLeavesADebitWithoutItsCreditNote() throws Exception {
        UUID draft = TenantContext.call(
                tenant.id(),
                () -> invoices.draft(
                                UUID.fromString(customer),
                                List.of(new Invoices.DraftLine("Work", BigDecimal.ONE, new BigDecimal("80"), null)))
                        .id());
        var issue = hold(() -> invoices.issue(draft));
        var voiding = async(() -> invoices.voidInvoice(draft, "race"));
        issue.commitAfter(voiding);
        try {
            voiding.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException refused) {
            assertThat(refused.getCause()).isInstanceOf(ProblemException.class);
        }

        var invoice = TenantContext.call(tenant.id(), () -> invoices.invoice(draft));
        BigDecimal balance = balance(customer);
        if (invoice.status().equals("VOID")) {
            assertThat(balance)
                    .as("a voided invoice is taken back by a credit note")
                    .isEqualByComparingTo("0");
        } else {
            assertThat(balance).isEqualByComparingTo(invoice.total());
        }
    }

    // ---- bug 3: a billing day change bills days twice

    @Test
    void changingTheBillingDayNeverBillsADayTwice() {
        String plan = monthlyPlan("3000");
        String subscribed =
                subscribe(customer, plan, "bday", TestTenants.today().minusMonths(4));
        LocalDate monthBefore = TestTenants.today().withDayOfMonth(1).minusMonths(1);
        runAsOf(monthBefore); // bills the calendar month before it
        var changed = api.put(
                "/api/v1/customers/" + customer + "/billing-account",
                Map.of("paymentTermsDays", 7, "autoRenew", true, "neverSuspend", false, "billingDay", 15),
                tenant.adminToken());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        runAsOf(monthBefore.withDayOfMonth(15)); // bills the month to the 15th, half of which was billed already

        List<LocalDate[]> billed = jdbc.sql("""
            select l.period_start, l.period_end from billing.invoice_lines l join billing.invoices i on i.id = l.invoice_id
            where i.customer_id = cast(:c as uuid) and l.subscription_id = cast(:s as uuid) order by l.period_start
            """)
                .param("c", customer)
                .param("s", subscribed)
                .query((row, i) -> new LocalDate[] {
                    row.getObject("period_start", LocalDate.class), row.getObject("period_end", LocalDate.class)
                })
                .list();
        assertThat(billed).as("two runs, two stretches").hasSize(2);
        assertThat(billed.get(1)[0])
                .as("the second starts where the first ended")
                .isEqualTo(billed.get(0)[1]);
        assertThat(billed.get(1)[1]).isEqualTo(monthBefore.withDayOfMonth(15));
    }

    // ---- bug 4: dunning acts on a stale list

    @Test
    void aPaymentLandingWhileDunningRunsKeepsTheCustomerConnected() throws Exception {
        String plan = monthlyPlan("1000");
        String subscribed =
                subscribe(customer, plan, "dunned", TestTenants.today().minusMonths(3));
        assertThat(api.post("/api/v1/billing-runs", Map.of("awaitCompletion", true), tenant.adminToken())
                        .json()
                        .path("invoiced")
                        .asInt())
                .isEqualTo(1);
        var invoice = api.get("/api/v1/invoices?customerId=" + customer, tenant.adminToken())
                .json()
                .path("items")
                .get(0);
        LocalDate due = LocalDate.parse(invoice.path("dueOn").asString());
        BigDecimal total = invoice.path("total").decimalValue();

        var payment = hold(() -> payments.recordPayment(UUID.fromString(customer), total, "CASH", null, List.of()));
        var dunningRun = async(() -> dunning.run(due.plusDays(7)));
        payment.commitAfter(dunningRun);
        dunningRun.get(30, TimeUnit.SECONDS);

        assertThat(api.get("/api/v1/subscriptions/" + subscribed, tenant.adminToken())
                        .text("status"))
                .as("the invoice was paid before dunning acted on it")
                .isEqualTo("ACTIVE");
    }

    // ---- bug 5: prepaid renewal compared the credit with the price before tax

    @Test
    void prepaidRenewsOnlyWhenTheCreditCoversThePriceWithTax() {
        jdbc.sql("insert into billing.tax_rates (tenant_id, tax_class, name, percent, inclusive)"
                        + " values (:t, 'standard', 'VAT', 10, false)")
                .param("t", tenant.id())
                .update();
        String plan = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "P7",
                                "name",
                                "Prepaid week",
                                "billingType",
                                "PREPAID",
                                "price",
                                "500",
                                "validityDays",
                                7,
                                "downloadKbps",
                                10_000,
                                "uploadKbps",
                                5_000),
                        tenant.adminToken())
                .text("id");
        pay(customer, "550");
        String subscribed = subscribe(customer, plan, "taxed.prepaid", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> invoices(customer) == 1);
        pay(customer, "500"); // the price, not the price with tax
        weekPasses(subscribed);

        runAsOf(TestTenants.today());

        assertThat(invoices(customer)).as("no renewal the credit cannot pay").isEqualTo(1);
        assertThat(api.get("/api/v1/subscriptions/" + subscribed, tenant.adminToken())
                        .text("status"))
                .isEqualTo("SUSPENDED");
        assertThat(balance(customer)).as("the 500 is still credit").isEqualByComparingTo("-500");
    }

    // ---- bug 6: the tenant's currency changed under its ledger

    @Test
    void theCurrencyCannotChangeOnceMoneyHasMoved() {
        var settings = api.get("/api/v1/tenant", tenant.adminToken()).json();
        Map<String, Object> euro = Map.of(
                "name", settings.path("name").asString(),
                "timezone", settings.path("timezone").asString(),
                "currency", "EUR",
                "locale", settings.path("locale").asString());
        balance(customer); // an account with nothing on it moves with the currency
        var before = api.put("/api/v1/tenant", euro, tenant.adminToken());
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/customers/" + customer + "/ledger", tenant.adminToken())
                        .text("currency"))
                .isEqualTo("EUR");

        pay(customer, "10");
        var dollars = new java.util.HashMap<>(euro);
        dollars.put("currency", "USD");
        var after = api.put("/api/v1/tenant", dollars, tenant.adminToken());
        assertThat(after.status()).as(after.toString()).isEqualTo(409);
        assertThat(after.text("field")).isEqualTo("currency");
        assertThat(api.get("/api/v1/tenant", tenant.adminToken()).text("currency"))
                .isEqualTo("EUR");
    }

    // ---- bug 7: a cancel that did not happen

    @Test
    void cancellingAChargeThatWasJustInvoicedIsAConflictNamingItsStatus() throws Exception {
        String charge = api.post(
                        "/api/v1/customers/" + customer + "/charges",
                        Map.of("kind", "DEVICE", "description", "Router", "unitPrice", "900"),
                        tenant.adminToken())
                .text("id");
        var invoicing = hold(() -> charges.invoicePending(UUID.fromString(customer)));
        var cancel = async(() -> charges.cancel(UUID.fromString(charge)));
        invoicing.commitAfter(cancel);

        assertThatThrownBy(() -> cancel.get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(409);
                    assertThat(problem.toProblemDetail().getProperties()).containsEntry("currentStatus", "INVOICED");
                });
        assertThat(api.get("/api/v1/charges/" + charge, tenant.adminToken()).text("status"))
                .isEqualTo("INVOICED");
    }

    // ---- helpers

    /** An operation held open inside its transaction until {@link #commitAfter} lets it commit. */
    private final class Held {
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        Future<?> done;

        /** Lets the operation commit once {@code other} has finished or is waiting for a lock; then waits for it. */
        void commitAfter(Future<?> other) throws Exception {
            await().atMost(Duration.ofSeconds(30)).until(() -> other.isDone() || lockWaiters() > 0);
            release.countDown();
            done.get(30, TimeUnit.SECONDS);
        }
    }

    private Held hold(Runnable operation) throws InterruptedException {
        var held = new Held();
        held.done = CompletableFuture.runAsync(
                () -> TenantContext.run(
                        tenant.id(),
                        () -> transactions.executeWithoutResult(status -> {
                            operation.run();
                            held.inside.countDown();
                            try {
                                held.release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                        })),
                threads);
        await().atMost(Duration.ofSeconds(30)).until(() -> held.inside.getCount() == 0 || held.done.isDone());
        if (held.done.isDone()) {
            try {
                held.done.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the held operation failed", e.getCause());
            }
        }
        return held;
    }

    private <T> Future<T> async(Callable<T> operation) {
        return CompletableFuture.supplyAsync(
                () -> TenantContext.call(tenant.id(), () -> {
                    try {
                        return operation.call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }),
                threads);
    }

    private Object inTransaction(Runnable operation) {
        transactions.executeWithoutResult(status -> operation.run());
        return true;
    }

    private int lockWaiters() {
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and state = 'active'")
                .query(Integer.class)
                .single();
    }

    private String pay(String customerId, String amount) {
        var paid = api.post(
                "/api/v1/payments",
                Map.of("customerId", customerId, "amount", amount, "method", "CASH"),
                tenant.adminToken());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        return paid.text("id");
    }

    private UUID account(String customerId) {
        return TenantContext.call(
                tenant.id(), () -> accounts.of(UUID.fromString(customerId)).id());
    }

    /** An issued invoice that credit has not been applied to. */
    private void issueUnpaid(String customerId, String amount) {
        TenantContext.run(
                tenant.id(),
                () -> transactions.executeWithoutResult(status -> writer.issue(
                        accounts.of(UUID.fromString(customerId)),
                        List.of(new InvoiceWriter.Charge("Fee", null, null, null, new BigDecimal(amount), "standard")),
                        null,
                        null,
                        TestTenants.today())));
    }

    private BigDecimal allocated(String payment) {
        return jdbc.sql("select coalesce(sum(amount), 0) from billing.payment_allocations where payment_id ="
                        + " cast(:p as uuid)")
                .param("p", payment)
                .query(BigDecimal.class)
                .single();
    }

    private BigDecimal refunded(String payment) {
        return jdbc.sql("select coalesce(sum(amount), 0) from billing.refunds where payment_id = cast(:p as uuid)")
                .param("p", payment)
                .query(BigDecimal.class)
                .single();
    }

    private BigDecimal paidOnInvoices(UUID account) {
        return jdbc.sql("select coalesce(sum(paid), 0) from billing.invoices where account_id = :a")
                .param("a", account)
                .query(BigDecimal.class)
                .single();
    }

    private BigDecimal balance(String customerId) {
        return api.get("/api/v1/customers/" + customerId + "/ledger", tenant.adminToken())
                .json()
                .path("balance")
                .decimalValue();
    }

    private int invoices(String customerId) {
        return api.get("/api/v1/invoices?customerId=" + customerId, tenant.adminToken())
                .json()
                .path("items")
                .size();
    }

    private String monthlyPlan(String price) {
        return api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "M" + price,
                                "name",
                                "Monthly " + price,
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                price,
                                "downloadKbps",
                                10_000,
                                "uploadKbps",
                                5_000),
                        tenant.adminToken())
                .text("id");
    }

    private String subscribe(
            String customerId, String plan, String username, @org.jspecify.annotations.Nullable LocalDate start) {
        var service = new java.util.HashMap<String, Object>(Map.of("accessType", "PPPOE", "username", username));
        if (start != null) {
            service.put("startDate", start.toString());
        }
        var created = api.post(
                "/api/v1/subscriptions",
                Map.of("customerId", customerId, "planId", plan, "activate", true, "service", service),
                tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private void runAsOf(LocalDate day) {
        var run = TenantContext.call(tenant.id(), () -> runs.start(day, false, true));
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("COMPLETED");
    }

    /** A prepaid week passes: the expiry and the charged period move a week back. */
    private void weekPasses(String subscription) {
        jdbc.sql("update subscriptions.subscriptions set expires_on = expires_on - 7 where id = cast(:id as uuid)")
                .param("id", subscription)
                .update();
        jdbc.sql("update billing.billed_periods set period_start = period_start - 7, days = daterange(lower(days) - 7,"
                        + " upper(days) - 7) where subscription_id = cast(:id as uuid)")
                .param("id", subscription)
                .update();
    }
}
