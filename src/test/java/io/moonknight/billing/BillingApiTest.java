package io.moonknight.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class BillingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.moonknight.billing.internal.DataPacks dataPacks;

    Api api;
    TestTenants.TenantFixture tenant;
    String plan;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = new TestTenants(api).create();
        plan = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "M30",
                                "name",
                                "Monthly 30",
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

    private String customerWith(String username, LocalDate start) {
        String customer = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Bill",
                                "lastName",
                                username,
                                "phones",
                                List.of("+8801711" + String.format("%06d", Math.abs(username.hashCode()) % 1_000_000))),
                        tenant.adminToken())
                .text("id");
        var created = api.post(
                "/api/v1/subscriptions",
                Map.of(
                        "customerId",
                        customer,
                        "planId",
                        plan,
                        "activate",
                        true,
                        "service",
                        Map.of("accessType", "PPPOE", "username", username, "startDate", start.toString())),
                tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return customer;
    }

    private JsonNode run() {
        var run = api.post("/api/v1/billing-runs", Map.of("awaitCompletion", true), tenant.adminToken());
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        assertThat(run.text("status")).isEqualTo("COMPLETED");
        return run.json();
    }

    private JsonNode invoicesOf(String customer) {
        return api.get("/api/v1/invoices?customerId=" + customer, tenant.adminToken())
                .json()
                .path("items");
    }

    @Test
    void billingRunsAreListedNewestFirstAPageAtATime() {
        List<String> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(api.post("/api/v1/billing-runs", Map.of("awaitCompletion", true), tenant.adminToken())
                    .text("id"));
        }
        var first = api.get("/api/v1/billing-runs?size=2", tenant.adminToken()).json();
        assertThat(first.path("items").findValuesAsString("id")).containsExactly(runs.get(2), runs.get(1));
        assertThat(first.path("totalItems").asInt()).isEqualTo(3);
        assertThat(first.path("totalPages").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/billing-runs?size=2&page=1", tenant.adminToken())
                        .json()
                        .path("items")
                        .findValuesAsString("id"))
                .containsExactly(runs.get(0));
    }

    @Test
    void aRepeatedRunBillsNothingTwiceAndProratesAMidMonthStart() {
        LocalDate lastMonth = TestTenants.today().withDayOfMonth(1).minusMonths(1);
        String whole = customerWith("whole", lastMonth.minusMonths(3));
        String half = customerWith("half", lastMonth.plusDays(lastMonth.lengthOfMonth() / 2));
        String future = customerWith("future", TestTenants.today().plusDays(1));

        var preview =
                api.post("/api/v1/billing-runs", Map.of("dryRun", true, "awaitCompletion", true), tenant.adminToken());
        assertThat(preview.json().path("preview").toString()).contains("whole: 3000");
        assertThat(invoicesOf(whole)).as("a preview bills nothing").isEmpty();

        var first = run();
        assertThat(first.path("invoiced").asInt()).isEqualTo(2);
        var invoice = invoicesOf(whole).get(0);
        assertThat(invoice.path("number").asString()).matches("INV-\\d{4}-000001|INV-\\d{4}-000002");
        assertThat(invoice.path("total").decimalValue()).isEqualByComparingTo("3000");
        assertThat(invoice.path("status").asString()).isEqualTo("ISSUED");
        var prorated = invoicesOf(half).get(0).path("total").decimalValue();
        assertThat(prorated).isLessThan(new BigDecimal("3000")).isGreaterThan(new BigDecimal("1000"));
        assertThat(invoicesOf(future)).isEmpty();

        var second = run();
        assertThat(second.path("invoiced").asInt()).isZero();
        assertThat(invoicesOf(whole)).hasSize(1);
        assertThat(invoicesOf(half)).hasSize(1);
    }

    @Test
    void aCrashedRunIsResumedWithoutDuplicatesOrGaps() {
        LocalDate start = TestTenants.today().minusMonths(3);
        String a = customerWith("crash-a", start);
        String b = customerWith("crash-b", start);
        String c = customerWith("crash-c", start);
        // the crashed instance: its run is still RUNNING and it had billed a's period before dying
        jdbc.sql("""
            insert into billing.billing_runs (id, tenant_id, run_date, dry_run, status, started_at)
            values (:id, :t, current_date, false, 'RUNNING', now() - interval '2 hours')
            """).param("id", UUID.randomUUID()).param("t", tenant.id()).update();
        assertThat(api.post("/api/v1/billing-runs", Map.of(), tenant.adminToken())
                        .status())
                .as("the abandoned run is given up, so a new one may start")
                .isEqualTo(201);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/billing-runs", tenant.adminToken())
                        .json()
                        .path("items")
                        .get(0)
                        .path("status")
                        .asString()
                        .equals("COMPLETED"));
        run();
        for (String customer : List.of(a, b, c)) {
            assertThat(invoicesOf(customer)).as("billed once").hasSize(1);
        }
        var numbers = new java.util.TreeSet<String>();
        for (String customer : List.of(a, b, c)) {
            numbers.add(invoicesOf(customer).get(0).path("number").asString());
        }
        assertThat(numbers).extracting(n -> n.substring(n.length() - 6)).containsExactly("000001", "000002", "000003");
    }

    @Test
    void paymentsAllocateToTheOldestInvoicesAndOverpaymentStaysAsCredit() {
        String customer = customerWith("payer", TestTenants.today().minusMonths(4));
        run();
        var invoice = invoicesOf(customer).get(0);
        String invoiceId = invoice.path("id").asString();
        var partial = api.post(
                "/api/v1/payments",
                Map.of("customerId", customer, "amount", "1000", "method", "CASH"),
                tenant.adminToken());
        assertThat(partial.status()).as(partial.toString()).isEqualTo(201);
        assertThat(partial.json().path("allocations").get(0).path("invoiceId").asString())
                .isEqualTo(invoiceId);
        assertThat(api.get("/api/v1/invoices/" + invoiceId, tenant.adminToken()).text("status"))
                .isEqualTo("PARTIALLY_PAID");
        var rest = api.post(
                "/api/v1/payments",
                Map.of("customerId", customer, "amount", "2500", "method", "BANK_TRANSFER", "reference", "TRX-9"),
                tenant.adminToken());
        assertThat(rest.json().path("unallocated").decimalValue()).isEqualByComparingTo("500");
        var paid = api.get("/api/v1/invoices/" + invoiceId, tenant.adminToken());
        assertThat(paid.text("status")).isEqualTo("PAID");
        var ledger = api.get("/api/v1/customers/" + customer + "/ledger", tenant.adminToken())
                .json();
        assertThat(ledger.path("balance").decimalValue()).as("500 in credit").isEqualByComparingTo("-500");
        assertThat(ledger.path("entries").findValuesAsString("kind")).containsExactly("INVOICE", "PAYMENT", "PAYMENT");

        var voidPaid = api.post("/api/v1/invoices/" + invoiceId + "/void", Map.of("reason", "x"), tenant.adminToken());
        assertThat(voidPaid.status()).isEqualTo(409);
        for (var bad : List.of(
                Map.of("customerId", customer, "amount", "0", "method", "CASH"),
                Map.of("customerId", customer, "amount", "10.555", "method", "CASH"),
                Map.of("customerId", customer, "amount", "10", "method", "BITCOIN"),
                Map.of("customerId", UUID.randomUUID().toString(), "amount", "10", "method", "CASH"))) {
            var response = api.post("/api/v1/payments", bad, tenant.adminToken());
            assertThat(response.status()).as(bad + " -> " + response).isEqualTo(400);
        }
    }

    @Test
    void theInvoicePdfCarriesTheNumberCustomerAndAmounts() throws Exception {
        String customer = customerWith("pdf", TestTenants.today().minusMonths(2));
        run();
        var invoice = invoicesOf(customer).get(0);
        byte[] pdf = api.bytes("/api/v1/invoices/" + invoice.path("id").asString() + "/pdf", tenant.adminToken());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Invoice " + invoice.path("number").asString())
                    .contains("Bill pdf")
                    .contains("Monthly 30")
                    .contains("3,000.00")
                    .contains("Amount due");
        }
    }

    @Test
    void settingsChangeNumbersTermsAndTaxes() {
        var settings = new java.util.HashMap<String, Object>(Map.of(
                "paymentTermsDays",
                14,
                "invoiceNumberFormat",
                "B{yyyy}/{seq:4}",
                "receiptNumberFormat",
                "R{yyyy}{mm}-{seq:3}",
                "billWhileSuspended",
                false,
                "taxRates",
                List.of(
                        Map.of("taxClass", "standard", "name", "VAT", "percent", 15, "inclusive", false),
                        Map.of("taxClass", "standard", "name", "Duty", "percent", 2, "inclusive", false)),
                "dunningSteps",
                List.of(Map.of("days", 3, "action", "REMINDER"), Map.of("days", 10, "action", "SUSPEND"))));
        var saved = api.put("/api/v1/billing-settings", settings, tenant.adminToken());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("dunningSteps")).hasSize(2);
        String customer = customerWith("taxed", TestTenants.today().minusMonths(2));
        String suspended = customerWith("suspended", TestTenants.today().minusMonths(2));
        String subscription = api.get("/api/v1/subscriptions?customerId=" + suspended, tenant.adminToken())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        api.post(
                "/api/v1/subscriptions/" + subscription + "/suspend", Map.of("reason", "holiday"), tenant.adminToken());
        changedOn(subscription, TestTenants.today().withDayOfMonth(1).minusMonths(1)); // suspended all last month
        run();
        var invoice = invoicesOf(customer).get(0);
        assertThat(invoice.path("number").asString()).matches("B\\d{4}/0001");
        assertThat(invoice.path("net").decimalValue()).isEqualByComparingTo("3000");
        assertThat(invoice.path("tax").decimalValue()).isEqualByComparingTo("510");
        assertThat(invoice.path("total").decimalValue()).isEqualByComparingTo("3510");
        assertThat(LocalDate.parse(invoice.path("dueOn").asString()))
                .isEqualTo(LocalDate.parse(invoice.path("issuedOn").asString()).plusDays(14));
        assertThat(invoicesOf(suspended))
                .as("not billed for a month suspended throughout")
                .isEmpty();
        var paid = api.post(
                "/api/v1/payments",
                Map.of("customerId", customer, "amount", "100", "method", "CASH"),
                tenant.adminToken());
        assertThat(paid.text("receiptNumber")).matches("R\\d{6}-001");

        record Bad(String field, Object value, String expected) {}
        for (Bad bad : List.of(
                new Bad("paymentTermsDays", 400, "paymentTermsDays"),
                new Bad("invoiceNumberFormat", "INV-{yyyy}", "invoiceNumberFormat"),
                new Bad("receiptNumberFormat", "RCP-{seq:2}-{seq:3}", "receiptNumberFormat"),
                new Bad("taxRates", List.of(Map.of("taxClass", "Bad Class", "name", "x", "percent", 5)), "taxRates"),
                new Bad("taxRates", List.of(Map.of("taxClass", "std", "name", "x", "percent", 150)), "taxRates"),
                new Bad("dunningSteps", List.of(Map.of("days", 1, "action", "EXPLODE")), "dunningSteps"),
                new Bad(
                        "dunningSteps",
                        List.of(Map.of("days", 1, "action", "REMINDER"), Map.of("days", 1, "action", "SUSPEND")),
                        "dunningSteps"))) {
            var body = new java.util.HashMap<>(settings);
            body.put(bad.field(), bad.value());
            var response = api.put("/api/v1/billing-settings", body, tenant.adminToken());
            assertThat(response.status()).as(bad + " -> " + response).isEqualTo(400);
            assertThat(response.body()).contains(bad.expected());
        }
    }

    /** Moves a prepaid subscription a week on: its expiry and its charged periods are a week older. */
    private void weekPasses(String subscription) {
        jdbc.sql("update subscriptions.subscriptions set expires_on = expires_on - 7 where id = cast(:id as uuid)")
                .param("id", subscription)
                .update();
        // Two steps: a single "- 7" can collide with the period a week earlier, as the key is checked row by row.
        for (int days : new int[] {-10_000, 10_000 - 7}) {
            jdbc.sql("update billing.billed_periods set period_start = period_start + :days,"
                            + " days = daterange(lower(days) + :days, upper(days) + :days)"
                            + " where subscription_id = cast(:id as uuid)")
                    .param("days", days)
                    .param("id", subscription)
                    .update();
        }
    }

    @Test
    void prepaidIsChargedInAdvanceRenewsFromCreditAndExpires() {
        String prepaid = api.post(
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
        String customer = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Pre",
                                "lastName",
                                "Paid",
                                "phones",
                                List.of("+8801711000077")),
                        tenant.adminToken())
                .text("id");
        api.post(
                "/api/v1/payments",
                Map.of("customerId", customer, "amount", "1000", "method", "CASH"),
                tenant.adminToken());
        String id = api.post(
                        "/api/v1/subscriptions",
                        Map.of(
                                "customerId",
                                customer,
                                "planId",
                                prepaid,
                                "activate",
                                true,
                                "service",
                                Map.of("accessType", "PPPOE", "username", "pre.paid")),
                        tenant.adminToken())
                .text("id");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> invoicesOf(customer).size() == 1);
        assertThat(invoicesOf(customer).get(0).path("status").asString())
                .as("paid from credit")
                .isEqualTo("PAID");
        var subscription = api.get("/api/v1/subscriptions/" + id, tenant.adminToken());
        assertThat(subscription.text("expiresOn"))
                .isEqualTo(TestTenants.today().plusDays(6).toString());

        // the week is over: the daily run renews it from the remaining credit
        weekPasses(id);
        run();
        assertThat(invoicesOf(customer)).hasSize(2);
        assertThat(api.get("/api/v1/subscriptions/" + id, tenant.adminToken()).text("expiresOn"))
                .isEqualTo(TestTenants.today().plusDays(6).toString());

        // again, and no credit left: suspended as expired; a payment renews and resumes it
        weekPasses(id);
        run();
        var expired = api.get("/api/v1/subscriptions/" + id, tenant.adminToken());
        assertThat(expired.text("status")).isEqualTo("SUSPENDED");
        assertThat(expired.text("statusReason")).isEqualTo("prepaid-expired");
        api.post(
                "/api/v1/payments",
                Map.of("customerId", customer, "amount", "500", "method", "CASH"),
                tenant.adminToken());
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .alias("renewed and resumed in reaction to the payment (PaymentReceived)")
                .until(() -> api.get("/api/v1/subscriptions/" + id, tenant.adminToken())
                        .text("status")
                        .equals("ACTIVE"));
        var renewed = api.get("/api/v1/subscriptions/" + id, tenant.adminToken());
        assertThat(renewed.text("expiresOn"))
                .isEqualTo(TestTenants.today().plusDays(6).toString());
        assertThat(api.get("/api/v1/customers/" + customer + "/ledger", tenant.adminToken())
                        .json()
                        .path("balance")
                        .decimalValue())
                .isEqualByComparingTo("0");
    }

    private static List<String> fields(Api.Response response) {
        List<String> fields = new java.util.ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private static BigDecimal sum(JsonNode invoices, String field) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode invoice : invoices) {
            sum = sum.add(invoice.path(field).decimalValue());
        }
        return sum;
    }

    private Api.Response charge(String customer, Map<String, Object> body) {
        return api.post("/api/v1/customers/" + customer + "/charges", body, tenant.adminToken());
    }

    @Test
    void aTaxExemptAccountIsInvoicedWithoutTaxAndItsTaxIdIsPrinted() throws Exception {
        var settings = new java.util.HashMap<String, Object>(Map.of(
                "paymentTermsDays",
                7,
                "invoiceNumberFormat",
                "INV-{yyyy}-{seq:6}",
                "billWhileSuspended",
                true,
                "taxRates",
                List.of(
                        Map.of("taxClass", "standard", "name", "VAT", "percent", 15, "inclusive", false),
                        Map.of("taxClass", "retail", "name", "VAT", "percent", 15, "inclusive", true)),
                "dunningSteps",
                List.of()));
        assertThat(api.put("/api/v1/billing-settings", settings, tenant.adminToken())
                        .status())
                .isEqualTo(200);
        String exempt = customerWith("embassy", TestTenants.today().minusMonths(2));
        String taxed = customerWith("household", TestTenants.today().minusMonths(2));
        Map<String, Object> profile = new java.util.HashMap<>(
                Map.of("paymentTermsDays", 7, "autoRenew", true, "neverSuspend", false, "taxExempt", true));
        var noNumber = api.put("/api/v1/customers/" + exempt + "/billing-account", profile, tenant.adminToken());
        assertThat(noNumber.status()).as(noNumber.toString()).isEqualTo(400);
        assertThat(fields(noNumber)).containsExactly("taxId");
        profile.put("taxId", "<script>");
        assertThat(fields(api.put("/api/v1/customers/" + exempt + "/billing-account", profile, tenant.adminToken())))
                .containsExactly("taxId");
        profile.put("taxId", " BIN 000123456-0101 ");
        var saved = api.put("/api/v1/customers/" + exempt + "/billing-account", profile, tenant.adminToken());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.text("taxId")).isEqualTo("BIN 000123456-0101");
        assertThat(saved.json().path("taxExempt").asBoolean()).isTrue();
        for (String customer : List.of(exempt, taxed)) {
            charge(
                    customer,
                    Map.of(
                            "kind",
                            "DEVICE",
                            "description",
                            "Router, VAT included",
                            "unitPrice",
                            "1150",
                            "taxClass",
                            "retail"));
        }

        run();
        assertThat(sum(invoicesOf(exempt), "tax")).isEqualByComparingTo("0");
        assertThat(sum(invoicesOf(exempt), "total"))
                .as("the service without VAT, the router less the VAT in its price")
                .isEqualByComparingTo("4000");
        var exemptInvoice = invoicesOf(exempt).get(0);
        assertThat(exemptInvoice.path("customerTaxId").asString()).isEqualTo("BIN 000123456-0101");
        assertThat(exemptInvoice.path("taxExempt").asBoolean()).isTrue();
        assertThat(sum(invoicesOf(taxed), "tax")).isEqualByComparingTo("600");
        assertThat(sum(invoicesOf(taxed), "total")).isEqualByComparingTo("4600");
        assertThat(invoicesOf(taxed).get(0).path("taxExempt").asBoolean()).isFalse();
        byte[] pdf = api.bytes("/api/v1/invoices/" + exemptInvoice.path("id").asString() + "/pdf", tenant.adminToken());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Tax ID BIN 000123456-0101")
                    .contains("Tax exempt");
        }
    }

    @Test
    void oneTimeChargesGoOnOneInvoiceInTheRunOrAtOnce() {
        String customer = customerWith("charged", TestTenants.today());
        var router = charge(
                customer, Map.of("kind", "DEVICE", "description", "ONU router", "quantity", 2, "unitPrice", "1500"));
        assertThat(router.status()).as(router.toString()).isEqualTo(201);
        assertThat(router.text("status")).isEqualTo("PENDING");
        assertThat(router.json().path("amount").decimalValue()).isEqualByComparingTo("3000");
        charge(customer, Map.of("kind", "SETUP_FEE", "description", "Installation", "unitPrice", "500"));
        charge(customer, Map.of("kind", "DISCOUNT", "description", "Welcome discount", "unitPrice", "-200"));
        String later = charge(
                        customer,
                        Map.of(
                                "kind",
                                "SERVICE",
                                "description",
                                "Static IP, next month",
                                "unitPrice",
                                "300",
                                "chargeDate",
                                TestTenants.today().plusDays(40).toString()))
                .text("id");
        String cancelled = charge(customer, Map.of("kind", "OTHER", "description", "Mistake", "unitPrice", "99"))
                .text("id");
        assertThat(api.post("/api/v1/charges/" + cancelled + "/cancel", null, tenant.adminToken())
                        .text("status"))
                .isEqualTo("CANCELLED");
        var again = api.post("/api/v1/charges/" + cancelled + "/cancel", null, tenant.adminToken());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).endsWith("/charge-not-pending");

        // the run: the subscription started this month is not billed yet; the charges due today are, on one invoice
        assertThat(run().path("invoiced").asInt()).isEqualTo(1);
        var invoice = invoicesOf(customer).get(0);
        assertThat(invoice.path("total").decimalValue()).isEqualByComparingTo("3300");
        var lines = api.get("/api/v1/invoices/" + invoice.path("id").asString(), tenant.adminToken())
                .json()
                .path("lines");
        assertThat(lines.findValuesAsString("description"))
                .containsExactly("ONU router (2 × 1500)", "Installation", "Welcome discount");
        assertThat(run().path("invoiced").asInt()).as("nothing twice").isZero();
        assertThat(api.get("/api/v1/customers/" + customer + "/charges?status=PENDING", tenant.adminToken())
                        .json()
                        .findValuesAsString("id"))
                .containsExactly(later);

        // at once: the future-dated one too
        var now = charge(
                customer, Map.of("kind", "DEVICE", "description", "Cable", "unitPrice", "250.50", "invoiceNow", true));
        assertThat(now.status()).as(now.toString()).isEqualTo(201);
        assertThat(now.text("status")).isEqualTo("INVOICED");
        var second = api.get("/api/v1/invoices/" + now.text("invoiceId"), tenant.adminToken());
        assertThat(second.json().path("total").decimalValue()).isEqualByComparingTo("550.50");
        var none = api.post("/api/v1/customers/" + customer + "/charges/invoice", null, tenant.adminToken());
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.text("type")).endsWith("/nothing-to-invoice");
        assertThat(api.get("/api/v1/customers/" + customer + "/ledger", tenant.adminToken())
                        .json()
                        .path("balance")
                        .decimalValue())
                .isEqualByComparingTo("3850.50");
    }

    @Test
    void aPlansSetupFeeIsChargedOnceWhenTheSubscriptionIsActivated() {
        plan = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "FIT",
                                "name",
                                "Fitted 20",
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                "2000",
                                "setupFee",
                                "1000",
                                "downloadKbps",
                                20_000,
                                "uploadKbps",
                                10_000),
                        tenant.adminToken())
                .text("id");
        String customer = customerWith("fitted", TestTenants.today());
        var charges = api.get("/api/v1/customers/" + customer + "/charges", tenant.adminToken())
                .json()
                .path("items");
        assertThat(charges.size()).isEqualTo(1);
        assertThat(charges.get(0).path("kind").asString()).isEqualTo("SETUP_FEE");
        assertThat(charges.get(0).path("status").asString()).isEqualTo("PENDING");
        assertThat(charges.get(0).path("amount").decimalValue()).isEqualByComparingTo("1000");
        String subscription = subscriptionOf(customer);
        api.post("/api/v1/subscriptions/" + subscription + "/suspend", Map.of("reason", "x"), tenant.adminToken());
        api.post("/api/v1/subscriptions/" + subscription + "/resume", null, tenant.adminToken());
        run();
        var invoice = invoicesOf(customer).get(0);
        assertThat(invoice.path("total").decimalValue()).as("once").isEqualByComparingTo("1000");
        assertThat(api.get("/api/v1/invoices/" + invoice.path("id").asString(), tenant.adminToken())
                        .json()
                        .path("lines")
                        .findValuesAsString("description"))
                .containsExactly("Setup fee: Fitted 20");
    }

    private void used(String subscription, long bytes) {
        jdbc.sql("""
            insert into radius.usage_daily (tenant_id, subscription_id, day, input_octets, output_octets)
            values (:t, cast(:s as uuid), current_date, 0, :bytes)
            on conflict (subscription_id, day) do update set output_octets = radius.usage_daily.output_octets + :bytes
            """)
                .param("t", tenant.id())
                .param("s", subscription)
                .param("bytes", bytes)
                .update();
    }

    private void usedOn(String subscription, LocalDate day, long bytes, long covered) {
        jdbc.sql("""
            insert into radius.usage_daily (tenant_id, subscription_id, day, input_octets, output_octets,
                covered_octets)
            values (:t, cast(:s as uuid), :day, :bytes, 0, :covered)
            """)
                .param("t", tenant.id())
                .param("s", subscription)
                .param("day", day)
                .param("bytes", bytes)
                .param("covered", covered)
                .update();
    }

    @Test
    void dataBeyondAPlansAllowanceIsChargedOnThePeriodsInvoiceLessWhatPacksPaidFor() {
        plan = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "CAP10",
                                "name",
                                "Capped 10",
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                "3000",
                                "quotaMb",
                                10_000,
                                "overagePricePerGb",
                                "100",
                                "downloadKbps",
                                10_000,
                                "uploadKbps",
                                5_000),
                        tenant.adminToken())
                .text("id");
        assertThat(api.get("/api/v1/plans/" + plan, tenant.adminToken())
                        .json()
                        .path("overagePricePerGb")
                        .decimalValue())
                .isEqualByComparingTo("100");
        LocalDate lastMonth = TestTenants.today().withDayOfMonth(1).minusMonths(1);
        String heavy = customerWith("heavy", lastMonth.minusMonths(2));
        String heavySubscription = subscriptionOf(heavy);
        // 13 GB and a byte used, 1 GB of it paid for by a pack: 2.000000001 GB over, billed as 2,001 MB
        usedOn(heavySubscription, lastMonth.plusDays(3), 8_000_000_000L, 1_000_000_000L);
        usedOn(heavySubscription, lastMonth.plusDays(20), 5_000_000_001L, 0);
        usedOn(heavySubscription, lastMonth.minusDays(1), 50_000_000_000L, 0); // the month before: billed then
        String light = customerWith("light", lastMonth.minusMonths(2));
        usedOn(subscriptionOf(light), lastMonth.plusDays(3), 9_999_000_000L, 0);
        // started mid-month: 10 GB prorated to the days served
        String late = customerWith("late", lastMonth.plusDays(lastMonth.lengthOfMonth() / 2));
        String lateSubscription = subscriptionOf(late);
        long days = lastMonth.lengthOfMonth() - lastMonth.lengthOfMonth() / 2;
        long lateAllowanceMb = 10_000L * days / lastMonth.lengthOfMonth();
        usedOn(lateSubscription, lastMonth.plusDays(lastMonth.lengthOfMonth() - 1), 10_000_000_000L, 0);

        run();
        var invoice = api.get(
                        "/api/v1/invoices/"
                                + invoicesOf(heavy).get(0).path("id").asString(),
                        tenant.adminToken())
                .json();
        assertThat(invoice.path("lines").findValuesAsString("description"))
                .hasSize(2)
                .last()
                .asString()
                .startsWith("Data beyond 10 GB " + lastMonth)
                .endsWith(": 2.001 GB at 100 per GB");
        assertThat(invoice.path("lines").get(1).path("net").decimalValue()).isEqualByComparingTo("200.10");
        assertThat(invoice.path("total").decimalValue()).isEqualByComparingTo("3200.10");
        assertThat(api.get(
                                "/api/v1/invoices/"
                                        + invoicesOf(light).get(0).path("id").asString(),
                                tenant.adminToken())
                        .json()
                        .path("lines")
                        .size())
                .as("within the allowance: no usage line")
                .isEqualTo(1);
        var lateLines = api.get(
                        "/api/v1/invoices/" + invoicesOf(late).get(0).path("id").asString(), tenant.adminToken())
                .json()
                .path("lines");
        long overMb = 10_000L - lateAllowanceMb;
        assertThat(lateLines.get(1).path("description").asString())
                .contains("Data beyond "
                        + BigDecimal.valueOf(lateAllowanceMb, 3)
                                .stripTrailingZeros()
                                .toPlainString() + " GB");
        assertThat(lateLines.get(1).path("net").decimalValue())
                .isEqualByComparingTo(
                        BigDecimal.valueOf(overMb).divide(BigDecimal.TEN, 2, java.math.RoundingMode.HALF_UP));
        assertThat(run().path("invoiced").asInt())
                .as("usage is billed with its period, once")
                .isZero();
    }

    private int consumePacks() {
        return io.moonknight.shared.tenant.TenantContext.call(tenant.id(), dataPacks::consume);
    }

    @Test
    void dataPacksAreInvoicedThenUsedUpByWhatRadiusCountsAndExpire() {
        String pack = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "D1G",
                                "name",
                                "Data 1 GB",
                                "billingType",
                                "DATA_PACK",
                                "price",
                                "500",
                                "validityDays",
                                30,
                                "quotaMb",
                                1000,
                                "downloadKbps",
                                10_000,
                                "uploadKbps",
                                5_000),
                        tenant.adminToken())
                .text("id");
        String customer = customerWith("packed", TestTenants.today());
        String subscription = subscriptionOf(customer);
        used(subscription, 5_000_000_000L); // before the pack: not its to count

        var bought = api.post(
                "/api/v1/subscriptions/" + subscription + "/data-packs", Map.of("planId", pack), tenant.adminToken());
        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        assertThat(bought.text("status")).isEqualTo("ACTIVE");
        assertThat(bought.json().path("quotaBytes").asLong()).isEqualTo(1_000_000_000L);
        assertThat(api.get("/api/v1/invoices/" + bought.text("invoiceId"), tenant.adminToken())
                        .json()
                        .path("total")
                        .decimalValue())
                .isEqualByComparingTo("500");

        used(subscription, 300_000_000L);
        assertThat(consumePacks()).isEqualTo(1);
        var first = api.get("/api/v1/subscriptions/" + subscription + "/data-packs", tenant.adminToken())
                .json()
                .path("items")
                .get(0);
        assertThat(first.path("usedBytes").asLong()).isEqualTo(300_000_000L);
        assertThat(first.path("remainingBytes").asLong()).isEqualTo(700_000_000L);
        assertThat(consumePacks()).as("nothing new used").isZero();

        used(subscription, 900_000_000L);
        consumePacks();
        var usedUp = api.get("/api/v1/subscriptions/" + subscription + "/data-packs", tenant.adminToken())
                .json()
                .path("items")
                .get(0);
        assertThat(usedUp.path("status").asString()).isEqualTo("USED_UP");
        assertThat(usedUp.path("remainingBytes").asLong()).isZero();

        String second = api.post(
                        "/api/v1/subscriptions/" + subscription + "/data-packs",
                        Map.of("planId", pack),
                        tenant.adminToken())
                .text("id");
        jdbc.sql("update billing.data_packs set valid_until = now() - interval '1 minute' where id = cast(:id as uuid)")
                .param("id", second)
                .update();
        consumePacks();
        assertThat(api.get("/api/v1/subscriptions/" + subscription + "/data-packs", tenant.adminToken())
                        .json()
                        .path("items")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("EXPIRED");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                api.get("/api/v1/customers/" + customer + "/history?size=50", tenant.adminToken())
                                        .json()
                                        .path("items")
                                        .findValuesAsString("kind"))
                        .contains("billing.data-pack-used-up", "billing.data-pack-expired"));

        var notAPack = api.post(
                "/api/v1/subscriptions/" + subscription + "/data-packs", Map.of("planId", plan), tenant.adminToken());
        assertThat(notAPack.status()).isEqualTo(400);
        assertThat(fields(notAPack)).contains("planId");
        assertThat(api.post(
                                "/api/v1/subscriptions/" + UUID.randomUUID() + "/data-packs",
                                Map.of("planId", pack),
                                tenant.adminToken())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aManualInvoiceIsADraftWithoutANumberUntilIssued() {
        String customer = customerWith("manual", TestTenants.today());
        var draft = api.post(
                "/api/v1/invoices",
                Map.of(
                        "customerId",
                        customer,
                        "lines",
                        List.of(
                                Map.of("description", "Site survey", "unitPrice", "750"),
                                Map.of("description", "Loyalty discount", "unitPrice", "-100"))),
                tenant.adminToken());
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        assertThat(draft.text("status")).isEqualTo("DRAFT");
        assertThat(draft.json().path("number").isNull()).isTrue();
        assertThat(draft.json().path("total").decimalValue()).isEqualByComparingTo("650");
        String id = draft.text("id");
        var ledger = "/api/v1/customers/" + customer + "/ledger";
        assertThat(api.get(ledger, tenant.adminToken()).json().path("balance").decimalValue())
                .as("a draft is on nobody's ledger")
                .isEqualByComparingTo("0");

        var changed = api.put(
                "/api/v1/invoices/" + id,
                Map.of("lines", List.of(Map.of("description", "Site survey", "quantity", 2, "unitPrice", "750"))),
                tenant.adminToken());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("total").decimalValue()).isEqualByComparingTo("1500");
        var bad = api.put(
                "/api/v1/invoices/" + id,
                Map.of("lines", List.of(Map.of("description", "Survey", "quantity", 0, "unitPrice", "750"))),
                tenant.adminToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).anyMatch(f -> f.contains("quantity"));

        var issued = api.post("/api/v1/invoices/" + id + "/issue", null, tenant.adminToken());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(issued.text("status")).isEqualTo("ISSUED");
        assertThat(issued.text("number")).matches("INV-\\d{4}-\\d{6}");
        assertThat(issued.text("issuedOn")).isEqualTo(TestTenants.today().toString());
        assertThat(api.get(ledger, tenant.adminToken()).json().path("balance").decimalValue())
                .isEqualByComparingTo("1500");
        var again = api.post("/api/v1/invoices/" + id + "/issue", null, tenant.adminToken());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).endsWith("/invoice-not-draft");
        assertThat(api.put(
                                "/api/v1/invoices/" + id,
                                Map.of("lines", List.of(Map.of("description", "x", "unitPrice", "1"))),
                                tenant.adminToken())
                        .status())
                .isEqualTo(409);

        String dropped = api.post(
                        "/api/v1/invoices",
                        Map.of(
                                "customerId",
                                customer,
                                "lines",
                                List.of(Map.of("description", "Oops", "unitPrice", "5"))),
                        tenant.adminToken())
                .text("id");
        var voided = api.post(
                "/api/v1/invoices/" + dropped + "/void", Map.of("reason", "made by mistake"), tenant.adminToken());
        assertThat(voided.text("status")).isEqualTo("VOID");
        assertThat(api.get(ledger, tenant.adminToken()).json().path("entries").size())
                .as("no credit note for a draft")
                .isEqualTo(1);
    }

    @Test
    void badChargesAreRefusedNamingTheField() {
        String customer = customerWith("badcharge", TestTenants.today());
        record Case(Map<String, Object> body, String field) {}
        for (Case c : List.of(
                new Case(Map.of("kind", "DEVICE", "description", "Router", "unitPrice", "-5"), "unitPrice"),
                new Case(Map.of("kind", "DISCOUNT", "description", "Off", "unitPrice", "5"), "unitPrice"),
                new Case(Map.of("kind", "GIFT", "description", "Router", "unitPrice", "5"), "kind"),
                new Case(Map.of("kind", "DEVICE", "description", " ", "unitPrice", "5"), "description"),
                new Case(
                        Map.of("kind", "DEVICE", "description", "Router", "quantity", 0, "unitPrice", "5"), "quantity"),
                new Case(Map.of("kind", "DEVICE", "description", "Router", "unitPrice", "0.001"), "unitPrice"),
                new Case(
                        Map.of(
                                "kind",
                                "DEVICE",
                                "description",
                                "Router",
                                "unitPrice",
                                "5",
                                "subscriptionId",
                                UUID.randomUUID().toString()),
                        "subscriptionId"),
                new Case(
                        Map.of("kind", "DISCOUNT", "description", "Alone", "unitPrice", "-5", "invoiceNow", true),
                        "invoiceNow"))) {
            var refused = charge(customer, c.body());
            assertThat(refused.status()).as(c + " → " + refused).isEqualTo(400);
            assertThat(fields(refused)).as(c.toString()).contains(c.field());
        }
        assertThat(api.get("/api/v1/customers/" + customer + "/charges", tenant.adminToken())
                        .json()
                        .path("items")
                        .size())
                .as("nothing half-written")
                .isZero();
    }

    @Test
    void refundsComeOutOfUnspentCreditAndPaymentsGetGaplessReceipts() throws Exception {
        String customer = customerWith("refunded", TestTenants.today());
        var first = api.post(
                "/api/v1/payments",
                Map.of("customerId", customer, "amount", "1500", "method", "CASH"),
                tenant.adminToken());
        var second = api.post(
                "/api/v1/payments",
                Map.of("customerId", customer, "amount", "100", "method", "BANK_TRANSFER", "reference", "TRX-9"),
                tenant.adminToken());
        int year = TestTenants.today().getYear();
        assertThat(first.text("receiptNumber")).isEqualTo("RCP-" + year + "-000001");
        assertThat(second.text("receiptNumber")).isEqualTo("RCP-" + year + "-000002");
        String payment = first.text("id");

        var tooMuch = api.post(
                "/api/v1/payments/" + payment + "/refunds",
                Map.of("amount", "1600", "method", "CASH", "reason", "Moved away"),
                tenant.adminToken());
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.text("type")).endsWith("/refund-exceeds-credit");
        var noReason = api.post(
                "/api/v1/payments/" + payment + "/refunds",
                Map.of("amount", "10", "method", "CASH"),
                tenant.adminToken());
        assertThat(fields(noReason)).contains("reason");

        var refunded = api.post(
                "/api/v1/payments/" + payment + "/refunds",
                Map.of("amount", "500", "method", "CASH", "reason", "Moved away"),
                tenant.adminToken());
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
        assertThat(refunded.json().path("refunded").decimalValue()).isEqualByComparingTo("500");
        assertThat(refunded.json().path("unallocated").decimalValue()).isEqualByComparingTo("1000");
        var ledger = api.get("/api/v1/customers/" + customer + "/ledger", tenant.adminToken())
                .json();
        assertThat(ledger.path("balance").decimalValue()).isEqualByComparingTo("-1100");
        assertThat(ledger.path("entries").findValuesAsString("kind")).contains("REFUND");

        // the rest of the credit pays the next invoice; what was refunded cannot be spent again
        String invoice = charge(
                        customer,
                        Map.of("kind", "DEVICE", "description", "Router", "unitPrice", "1200", "invoiceNow", true))
                .text("invoiceId");
        var paidFromCredit = api.get("/api/v1/invoices/" + invoice, tenant.adminToken());
        assertThat(paidFromCredit.text("status")).isEqualTo("PARTIALLY_PAID");
        assertThat(paidFromCredit.json().path("paid").decimalValue()).isEqualByComparingTo("1100");

        byte[] pdf = api.bytes("/api/v1/payments/" + payment + "/receipt", tenant.adminToken());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Receipt RCP-" + year + "-000001")
                    .contains("Bill refunded")
                    .contains("1,500.00")
                    .contains("Refunded");
        }
    }

    @Test
    void billingAccountSettingsAreValidatedAndAudited() {
        String customer = customerWith("account", TestTenants.today());
        var account = api.get("/api/v1/customers/" + customer + "/billing-account", tenant.adminToken());
        assertThat(account.status()).as(account.toString()).isEqualTo(200);
        assertThat(account.json().path("neverSuspend").asBoolean()).isFalse();
        assertThat(account.json().path("currency").asString()).isEqualTo("BDT");
        String promise = TestTenants.today().plusDays(5).toString();
        var changed = api.put(
                "/api/v1/customers/" + customer + "/billing-account",
                Map.of("paymentTermsDays", 14, "autoRenew", false, "neverSuspend", true, "promiseToPay", promise),
                tenant.adminToken());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("paymentTermsDays").asInt()).isEqualTo(14);
        assertThat(changed.text("promiseToPay")).isEqualTo(promise);
        for (var bad : List.of(
                Map.<String, Object>of("paymentTermsDays", 400, "autoRenew", true, "neverSuspend", false),
                Map.<String, Object>of(
                        "paymentTermsDays",
                        7,
                        "autoRenew",
                        true,
                        "neverSuspend",
                        false,
                        "promiseToPay",
                        TestTenants.today().minusDays(1).toString()))) {
            var refused = api.put("/api/v1/customers/" + customer + "/billing-account", bad, tenant.adminToken());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(fields(refused)).containsAnyOf("paymentTermsDays", "promiseToPay");
        }
        assertThat(api.get("/api/v1/customers/" + UUID.randomUUID() + "/billing-account", tenant.adminToken())
                        .status())
                .isEqualTo(404);
    }

    /** Moves a subscription's recorded changes (and its status time) to {@code day}, as if made then. */
    private void changedOn(String subscription, LocalDate day) {
        jdbc.sql("""
            update subscriptions.subscription_changes set occurred_at = cast(:day as date) + time '12:00'
                - interval '6 hours' where subscription_id = cast(:s as uuid) and kind <> 'created'
            """).param("day", day).param("s", subscription).update();
        jdbc.sql("update subscriptions.subscriptions set status_changed_at = cast(:day as date) + time '06:00'"
                        + " where id = cast(:s as uuid)")
                .param("day", day)
                .param("s", subscription)
                .update();
    }

    private String subscriptionOf(String customer) {
        return api.get("/api/v1/subscriptions?customerId=" + customer, tenant.adminToken())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
    }

    @Test
    void aPlanChangeSplitsTheMonthAndATerminationEndsIt() {
        LocalDate lastMonth = TestTenants.today().withDayOfMonth(1).minusMonths(1);
        int days = lastMonth.lengthOfMonth();
        String bigger = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "M60",
                                "name",
                                "Monthly 60",
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                "6000",
                                "downloadKbps",
                                50_000,
                                "uploadKbps",
                                20_000),
                        tenant.adminToken())
                .text("id");
        String upgraded = customerWith("upgraded", lastMonth.minusMonths(2));
        String subscription = subscriptionOf(upgraded);
        var changed = api.post(
                "/api/v1/subscriptions/" + subscription + "/change-plan",
                Map.of("planId", bigger),
                tenant.adminToken());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        changedOn(subscription, lastMonth.plusDays(15));

        String leaver = customerWith("leaver", lastMonth.minusMonths(2));
        String leaving = subscriptionOf(leaver);
        var terminated = api.post(
                "/api/v1/subscriptions/" + leaving + "/terminate", Map.of("reason", "moved"), tenant.adminToken());
        assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
        changedOn(leaving, lastMonth.plusDays(10));

        run();
        var upgrade = api.get(
                        "/api/v1/invoices/"
                                + invoicesOf(upgraded).get(0).path("id").asString(),
                        tenant.adminToken())
                .json();
        var lines = upgrade.path("lines");
        assertThat(lines.size()).isEqualTo(2);
        assertThat(lines.get(0).path("description").asString())
                .startsWith("Monthly 30 " + lastMonth)
                .endsWith("(15 of " + days + " days)");
        assertThat(lines.get(1).path("description").asString())
                .startsWith("Monthly 60 " + lastMonth.plusDays(15))
                .endsWith("(" + (days - 15) + " of " + days + " days)");
        BigDecimal expected = new BigDecimal("3000")
                .multiply(BigDecimal.valueOf(15))
                .divide(BigDecimal.valueOf(days), 2, java.math.RoundingMode.HALF_EVEN)
                .add(new BigDecimal("6000")
                        .multiply(BigDecimal.valueOf(days - 15))
                        .divide(BigDecimal.valueOf(days), 2, java.math.RoundingMode.HALF_EVEN));
        assertThat(upgrade.path("total").decimalValue()).isEqualByComparingTo(expected);

        var last = invoicesOf(leaver);
        assertThat(last.size())
                .as("the terminated subscription's last days are billed")
                .isEqualTo(1);
        assertThat(last.get(0).path("total").decimalValue())
                .isEqualByComparingTo(new BigDecimal("3000")
                        .multiply(BigDecimal.valueOf(10))
                        .divide(BigDecimal.valueOf(days), 2, java.math.RoundingMode.HALF_EVEN));
        assertThat(run().path("invoiced").asInt()).as("and only once").isZero();
    }

    @Test
    void anAccountWithABillingDayIsBilledTheMonthFromThatDay() {
        String customer = customerWith("anniversary", TestTenants.today().minusMonths(3));
        var set = api.put(
                "/api/v1/customers/" + customer + "/billing-account",
                Map.of("paymentTermsDays", 7, "autoRenew", true, "neverSuspend", false, "billingDay", 10),
                tenant.adminToken());
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("billingDay").asInt()).isEqualTo(10);
        String calendar = customerWith("calendar", TestTenants.today().minusMonths(3));

        run();
        LocalDate today = TestTenants.today();
        LocalDate currentStart = today.getDayOfMonth() >= 10
                ? today.withDayOfMonth(10)
                : today.minusMonths(1).withDayOfMonth(10);
        var invoice = invoicesOf(customer).get(0);
        assertThat(invoice.path("periodStart").asString())
                .isEqualTo(currentStart.minusMonths(1).toString());
        assertThat(invoice.path("periodEnd").asString()).isEqualTo(currentStart.toString());
        assertThat(invoice.path("total").decimalValue()).isEqualByComparingTo("3000");
        assertThat(invoicesOf(calendar).get(0).path("periodStart").asString())
                .isEqualTo(today.withDayOfMonth(1).minusMonths(1).toString());
        assertThat(run().path("invoiced").asInt()).as("each billed once").isZero();

        var bad = api.put(
                "/api/v1/customers/" + customer + "/billing-account",
                Map.of("paymentTermsDays", 7, "autoRenew", true, "neverSuspend", false, "billingDay", 31),
                tenant.adminToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).contains("billingDay");
    }

    @Test
    void voidingIssuesACreditNote() {
        String customer = customerWith("voided", TestTenants.today().minusMonths(2));
        run();
        String invoiceId = invoicesOf(customer).get(0).path("id").asString();
        var voided = api.post(
                "/api/v1/invoices/" + invoiceId + "/void", Map.of("reason", "wrong plan"), tenant.adminToken());
        assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
        assertThat(voided.text("status")).isEqualTo("VOID");
        assertThat(voided.text("number")).as("the number stays").startsWith("INV-");
        var ledger = api.get("/api/v1/customers/" + customer + "/ledger", tenant.adminToken())
                .json();
        assertThat(ledger.path("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(ledger.path("entries").findValuesAsString("kind")).containsExactly("INVOICE", "CREDIT_NOTE");
    }
}
