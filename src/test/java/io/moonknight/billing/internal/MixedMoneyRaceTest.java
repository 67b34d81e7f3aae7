package io.moonknight.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two different money operations on one account released together by a barrier, many times: whichever wins, the
 * money adds up. {@code -Dmoonknight.race.iterations=500} runs each race 500 times (the default keeps the class
 * quick in the normal build).
 */
@IntegrationTest
class MixedMoneyRaceTest {

    static final int ITERATIONS = Integer.getInteger("moonknight.race.iterations", 20);

    @LocalServerPort
    int port;

    @Autowired
    BillingRuns runs;

    @Autowired
    Invoices invoices;

    @Autowired
    Payments payments;

    @Autowired
    Ledger ledger;

    @Autowired
    BillingAccounts billingAccounts;

    @Autowired
    Credit credit;

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

    final ExecutorService threads = Executors.newFixedThreadPool(2);
    Api api;
    TestTenants.TenantFixture tenant;
    int customers;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = new TestTenants(api).create();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void voidAgainstIssueEitherVoidsWithACreditNoteOrLeavesTheInvoiceIssued() throws Exception {
        for (int i = 0; i < ITERATIONS; i++) {
            UUID customer = newCustomer();
            UUID draft = inTenant(() -> invoices.draft(
                            customer,
                            List.of(new Invoices.DraftLine("Work", BigDecimal.ONE, new BigDecimal("80"), null)))
                    .id());
            race(() -> invoices.issue(draft), () -> invoices.voidInvoice(draft, "race"));
            var invoice = inTenant(() -> invoices.invoice(draft));
            BigDecimal balance = balance(customer);
            if (invoice.status().equals("VOID")) {
                assertThat(balance).as("iteration %d: voided, taken back", i).isEqualByComparingTo("0");
            } else {
                assertThat(invoice.status()).isEqualTo("ISSUED");
                assertThat(balance).as("iteration %d: issued", i).isEqualByComparingTo("80");
            }
        }
    }

    @Test
    void refundAgainstCreditApplicationSpendsThePaymentOnce() throws Exception {
        for (int i = 0; i < ITERATIONS; i++) {
            UUID customer = newCustomer();
            UUID payment = pay(customer, "100");
            UUID account = inTenant(() -> accounts.of(customer).id());
            issueUnpaid(customer, "100");
            race(
                    () -> payments.refund(payment, new BigDecimal("100"), "CASH", null, "race"),
                    () -> transactions.executeWithoutResult(s -> credit.apply(account)));
            BigDecimal allocated = sum("payment_allocations", payment);
            BigDecimal refunded = sum("refunds", payment);
            assertThat(allocated.add(refunded))
                    .as("iteration %d: the payment went one way", i)
                    .isEqualByComparingTo("100");
            assertThat(balance(customer))
                    .as("iteration %d", i)
                    .isEqualByComparingTo(refunded.signum() > 0 ? "100" : "0");
        }
    }

    @Test
    void twoCreditApplicationsSpendThePaymentOnce() throws Exception {
        for (int i = 0; i < ITERATIONS; i++) {
            UUID customer = newCustomer();
            UUID payment = pay(customer, "100");
            UUID account = inTenant(() -> accounts.of(customer).id());
            issueUnpaid(customer, "100");
            issueUnpaid(customer, "100");
            Runnable apply = () -> transactions.executeWithoutResult(s -> credit.apply(account));
            race(apply, apply);
            assertThat(sum("payment_allocations", payment))
                    .as("iteration %d", i)
                    .isEqualByComparingTo("100");
            assertThat(jdbc.sql("select sum(paid) from billing.invoices where account_id = :a")
                            .param("a", account)
                            .query(BigDecimal.class)
                            .single())
                    .isEqualByComparingTo("100");
        }
    }

    @Test
    void aPaymentAgainstADunningStepLeavesThePaidCustomerConnected() throws Exception {
        String plan = plan();
        LocalDate today = TestTenants.today();
        for (int i = 0; i < ITERATIONS; i++) {
            UUID customer = newCustomer();
            String subscription = subscribe(customer, plan, "dun" + i, today.minusMonths(3));
            // an invoice 13 days overdue: the reminders and the suspension are due
            UUID invoice = inTenant(() -> transactions.execute(s -> writer.issue(
                    accounts.of(customer),
                    List.of(new InvoiceWriter.Charge("Month", null, null, null, new BigDecimal("500"), "standard")),
                    null,
                    null,
                    today.minusDays(20))));
            race(
                    () -> payments.recordPayment(customer, new BigDecimal("500"), "CASH", null, List.of()),
                    () -> dunning.run(today));
            assertThat(inTenant(() -> invoices.invoice(invoice)).status()).isEqualTo("PAID");
            int iteration = i;
            // suspended before the payment came in: resumed in reaction to it (PaymentReceived, after its commit)
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .untilAsserted(
                            () -> assertThat(api.get("/api/v1/subscriptions/" + subscription, tenant.adminToken())
                                            .text("status"))
                                    .as("iteration %d: paid, so connected", iteration)
                                    .isEqualTo("ACTIVE"));
        }
    }

    @Test
    void aBillingDayChangeAgainstARunNeverBillsADayTwice() throws Exception {
        String plan = plan();
        LocalDate monthBefore = TestTenants.today().withDayOfMonth(1).minusMonths(1);
        for (int i = 0; i < ITERATIONS; i++) {
            UUID customer = newCustomer();
            String subscription = subscribe(customer, plan, "day" + i, monthBefore.minusMonths(3));
            inTenant(() -> runs.start(monthBefore, false, true));
            var change = new BillingAccounts.Change(7, true, false, null, 15, false, null);
            race(
                    () -> billingAccounts.update(customer, change),
                    () -> runs.start(monthBefore.withDayOfMonth(15), false, true));
            List<LocalDate[]> billed = jdbc.sql("""
                select l.period_start, l.period_end from billing.invoice_lines l
                where l.subscription_id = cast(:s as uuid) order by l.period_start
                """)
                    .param("s", subscription)
                    .query((row, n) -> new LocalDate[] {
                        row.getObject("period_start", LocalDate.class), row.getObject("period_end", LocalDate.class)
                    })
                    .list();
            for (int n = 1; n < billed.size(); n++) {
                assertThat(billed.get(n)[0])
                        .as("iteration %d: stretch %d starts after the one before", i, n)
                        .isAfterOrEqualTo(billed.get(n - 1)[1]);
            }
        }
    }

    // ---- helpers

    /** Runs both in the tenant, released together; a 409 is a fair outcome for the loser, anything else fails. */
    private void race(Runnable one, Runnable other) throws Exception {
        var barrier = new CyclicBarrier(2);
        List<Future<?>> both =
                List.of(threads.submit(() -> released(barrier, one)), threads.submit(() -> released(barrier, other)));
        for (var future : both) {
            future.get(60, TimeUnit.SECONDS);
        }
    }

    private void released(CyclicBarrier barrier, Runnable operation) {
        TenantContext.run(tenant.id(), () -> {
            try {
                barrier.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            try {
                operation.run();
            } catch (ProblemException refused) {
                assertThat(refused.status().value()).as(refused.detail()).isEqualTo(409);
            }
        });
    }

    private <T> T inTenant(java.util.function.Supplier<T> call) {
        return TenantContext.call(tenant.id(), call::get);
    }

    private UUID newCustomer() {
        customers++;
        return UUID.fromString(api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Race",
                                "lastName",
                                "N" + customers,
                                "phones",
                                List.of("+88017" + String.format("%08d", customers))),
                        tenant.adminToken())
                .text("id"));
    }

    private UUID pay(UUID customer, String amount) {
        return inTenant(() -> payments.recordPayment(customer, new BigDecimal(amount), "CASH", null, List.of())
                .id());
    }

    private void issueUnpaid(UUID customer, String amount) {
        inTenant(() -> transactions.execute(s -> writer.issue(
                accounts.of(customer),
                List.of(new InvoiceWriter.Charge("Fee", null, null, null, new BigDecimal(amount), "standard")),
                null,
                null,
                TestTenants.today())));
    }

    private BigDecimal sum(String table, UUID payment) {
        return jdbc.sql("select coalesce(sum(amount), 0) from billing." + table + " where payment_id = :p")
                .param("p", payment)
                .query(BigDecimal.class)
                .single();
    }

    private BigDecimal balance(UUID customer) {
        return inTenant(() -> ledger.ledger(customer).balance());
    }

    private String plan() {
        return api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "R" + UUID.randomUUID().toString().substring(0, 6),
                                "name",
                                "Raced",
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                "3000",
                                "downloadKbps",
                                10_000,
                                "uploadKbps",
                                5_000),
                        tenant.adminToken())
                .text("id");
    }

    private String subscribe(UUID customer, String plan, String username, LocalDate start) {
        var created = api.post(
                "/api/v1/subscriptions",
                Map.of(
                        "customerId",
                        customer.toString(),
                        "planId",
                        plan,
                        "activate",
                        true,
                        "service",
                        Map.of("accessType", "PPPOE", "username", username, "startDate", start.toString())),
                tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }
}
