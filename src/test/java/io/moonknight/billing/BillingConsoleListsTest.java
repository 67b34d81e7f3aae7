package io.moonknight.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.ConsoleSession;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestData;
import io.moonknight.testsupport.TestTenants;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The invoice list (API and console) with its filters and totals, previews that leave no run behind, and the
 * dunning and tax editors of the billing settings page.
 */
@IntegrationTest
class BillingConsoleListsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    TestTenants.TenantFixture tenant;
    TestData data;

    /** Karim (two issued invoices, one paid in part, one issued last year), Rahima (a draft), Zaman (void). */
    String karim;

    String rahima;
    String zaman;
    String karimOld;
    String karimNew;
    String rahimaDraft;
    String zamanVoid;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = new TestTenants(api).create();
        data = new TestData(api, tenant.adminToken());
        karim = data.customer("Karimuddin", "ACTIVE", "+8801711000101");
        rahima = data.customer("Rahimakhatun", "ACTIVE", "+8801711000102");
        zaman = data.customer("Zamanhossain", "ACTIVE", "+8801711000103");
        karimOld = issued(karim, "1000");
        karimNew = issued(karim, "2500.50");
        rahimaDraft = draft(rahima, "700");
        zamanVoid = issued(zaman, "400");
        assertThat(api.post("/api/v1/invoices/" + zamanVoid + "/void", Map.of("reason", "wrong"), tenant.adminToken())
                        .status())
                .isEqualTo(200);
        var paid = api.post(
                "/api/v1/payments",
                Map.of("customerId", karim, "amount", "300", "method", "CASH", "invoiceIds", List.of(karimNew)),
                tenant.adminToken());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        // issued last year and due long ago: overdue
        jdbc.sql("update billing.invoices set issued_on = :i, due_on = :d where id = cast(:id as uuid)")
                .param("i", TestTenants.today().minusYears(1))
                .param("d", TestTenants.today().minusYears(1).plusDays(7))
                .param("id", karimOld)
                .update();
    }

    private String draft(String customer, String price) {
        return data.create(
                "/api/v1/invoices",
                Map.of("customerId", customer, "lines", List.of(Map.of("description", "Router", "unitPrice", price))));
    }

    private String issued(String customer, String price) {
        String id = draft(customer, price);
        var issued = api.post("/api/v1/invoices/" + id + "/issue", null, tenant.adminToken());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        return id;
    }

    private static long overdueDays() {
        LocalDate today = TestTenants.today();
        return java.time.temporal.ChronoUnit.DAYS.between(today.minusYears(1).plusDays(7), today);
    }

    private JsonNode list(String query) {
        var response = api.get("/api/v1/invoices?" + query, tenant.adminToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsString("id");
    }

    @Test
    void theApiListsDraftsWithTheirCustomerAndFiltersByStatusDatesCustomerAndNumber() {
        var all = list("");
        assertThat(ids(all)).containsExactlyInAnyOrder(karimOld, karimNew, rahimaDraft, zamanVoid);
        assertThat(all.path("totalItems").asInt()).isEqualTo(4);
        JsonNode draft = all.path("items").get(ids(all).indexOf(rahimaDraft));
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("customerName").asString()).contains("Rahimakhatun");
        assertThat(draft.path("accountNumber").asString()).isNotBlank();
        JsonNode old = all.path("items").get(ids(all).indexOf(karimOld));
        assertThat(old.path("overdue").asBoolean()).isTrue();
        assertThat(old.path("overdueDays").asInt()).isEqualTo(overdueDays());

        assertThat(ids(list("status=draft"))).containsExactly(rahimaDraft);
        assertThat(ids(list("status=PARTIALLY_PAID"))).containsExactly(karimNew);
        assertThat(ids(list("status=OVERDUE"))).containsExactly(karimOld);
        assertThat(ids(list("status=VOID"))).containsExactly(zamanVoid);
        assertThat(ids(list("customer=karimuddin"))).containsExactlyInAnyOrder(karimOld, karimNew);
        assertThat(ids(list("customer=nobody-like-this"))).isEmpty();
        assertThat(ids(list("issuedFrom=" + TestTenants.today().minusDays(1))))
                .containsExactlyInAnyOrder(karimNew, zamanVoid);
        assertThat(ids(list("issuedTo=" + TestTenants.today().minusMonths(1)))).containsExactly(karimOld);
        String number =
                all.path("items").get(ids(all).indexOf(karimNew)).path("number").asString();
        assertThat(ids(list("number=" + number.toLowerCase()))).containsExactly(karimNew);
        assertThat(ids(list("number=" + number.substring(0, 4) + "&customer=Karimuddin&status=ISSUED")))
                .containsExactly(karimOld);
        assertThat(list("size=2").path("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void theApiTotalsTheFilteredIssuedInvoices() {
        JsonNode totals =
                api.get("/api/v1/invoices/totals", tenant.adminToken()).json().path("currencies");
        assertThat(totals).hasSize(1);
        assertThat(totals.get(0).path("currency").asString()).isEqualTo("BDT");
        assertThat(totals.get(0).path("invoices").asInt())
                .as("drafts and void not counted")
                .isEqualTo(2);
        assertThat(totals.get(0).path("total").decimalValue()).isEqualByComparingTo("3500.50");
        assertThat(totals.get(0).path("paid").decimalValue()).isEqualByComparingTo("300");
        assertThat(totals.get(0).path("outstanding").decimalValue()).isEqualByComparingTo("3200.50");

        JsonNode overdue = api.get("/api/v1/invoices/totals?status=OVERDUE", tenant.adminToken())
                .json()
                .path("currencies");
        assertThat(overdue.get(0).path("outstanding").decimalValue()).isEqualByComparingTo("1000");
    }

    @Test
    void badFilterValuesAreA400NamingTheParameter() {
        for (var bad : Map.of(
                        "status=BOGUS",
                        "status",
                        "issuedFrom=yesterday",
                        "issuedFrom",
                        "issuedTo=2026-13-40",
                        "issuedTo",
                        "issuedFrom=2026-05-01&issuedTo=2026-04-01",
                        "issuedTo",
                        "customerId=not-a-uuid",
                        "customerId",
                        "number=" + "9".repeat(61),
                        "number",
                        "size=0",
                        "size")
                .entrySet()) {
            var response = api.get("/api/v1/invoices?" + bad.getKey(), tenant.adminToken());
            assertThat(response.status()).as(bad.getKey() + " -> " + response).isEqualTo(400);
            assertThat(response.body()).as(bad.getKey()).contains("\"" + bad.getValue() + "\"");
        }
        var totals = api.get("/api/v1/invoices/totals?status=nope", tenant.adminToken());
        assertThat(totals.status()).isEqualTo(400);
        assertThat(totals.body()).contains("\"status\"");
    }

    @Test
    void theConsoleListShowsCustomersDraftLinksOverdueDaysAndTheFilteredTotals() {
        var session = ConsoleSession.admin(api, tenant.slug());
        var page = session.page("/billing/invoices");
        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Karimuddin", "Rahimakhatun", "/billing/invoices/" + rahimaDraft, ">Draft<");
        assertThat(body).contains("/customers/" + karim + "?tab=billing");
        assertThat(body).contains(">" + overdueDays() + "<");
        assertThat(body).containsPattern("invoice-total\">[^<]*3,500\\.50<");
        assertThat(body).containsPattern("invoice-paid\">[^<]*300\\.00<");
        assertThat(body).containsPattern("invoice-outstanding\">[^<]*3,200\\.50<");
        assertThat(body).doesNotContain("3500.5000");

        String drafts = session.page("/billing/invoices?status=DRAFT").body();
        assertThat(drafts).contains("/billing/invoices/" + rahimaDraft).doesNotContain("Karimuddin");

        String karims = session.page("/billing/invoices?customer=Karimuddin&issuedFrom="
                        + TestTenants.today().minusDays(1))
                .body();
        assertThat(karims).contains("/billing/invoices/" + karimNew).doesNotContain("/billing/invoices/" + karimOld);
        assertThat(karims).containsPattern("invoice-outstanding\">[^<]*2,200\\.50<");

        String none =
                session.page("/billing/invoices?customer=nobody-like-this").body();
        assertThat(none).contains("No invoices match these filters.");
        assertThat(session.page("/billing/invoices?status=BOGUS&issuedFrom=x&page=-3")
                        .status())
                .as("a list reads filters leniently")
                .isEqualTo(200);
    }

    @Test
    void aPreviewNamesCustomersInTheCurrencysFormatAndAddsNoRunToTheHistory() {
        String plan = data.monthlyPlan("P25", "Preview plan", "2500");
        String customer = data.customer("Previewson", "ACTIVE", "+8801711000104");
        var subscription = api.post(
                "/api/v1/subscriptions",
                Map.of(
                        "customerId",
                        customer,
                        "planId",
                        plan,
                        "activate",
                        true,
                        "service",
                        Map.of(
                                "accessType",
                                "PPPOE",
                                "username",
                                "pre.view",
                                "startDate",
                                TestTenants.today().minusMonths(3).toString())),
                tenant.adminToken());
        assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);

        var preview = api.get("/api/v1/billing-runs/preview", tenant.adminToken());
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode line = preview.json().path("lines").get(0);
        assertThat(line.path("customerName").asString()).contains("Previewson");
        assertThat(line.path("subscription").asString()).isEqualTo("pre.view");
        assertThat(line.path("amount").decimalValue()).isEqualByComparingTo("2500");
        assertThat(preview.body()).as("the currency's minor units").contains("\"amount\":2500.00,");
        assertThat(preview.json().path("totals").get(0).path("amount").decimalValue())
                .isEqualByComparingTo("2500");

        var session = ConsoleSession.admin(api, tenant.slug());
        String page = session.page("/billing/runs/preview").body();
        assertThat(page).contains("Previewson", "pre.view", "2,500.00").doesNotContain("2500.0000");
        var legacy = session.submit("/billing/runs", "/billing/runs", Map.of("dryRun", "true"));
        assertThat(legacy.status()).isEqualTo(302);
        assertThat(legacy.header("Location")).endsWith("/billing/runs/preview");
        var dryRun =
                api.post("/api/v1/billing-runs", Map.of("dryRun", true, "awaitCompletion", true), tenant.adminToken());
        assertThat(dryRun.json().path("preview").toString()).contains("pre.view: 2500");
        assertThat(api.get("/api/v1/billing-runs/" + dryRun.text("id"), tenant.adminToken())
                        .status())
                .isEqualTo(404);

        assertThat(api.get("/api/v1/billing-runs", tenant.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .as("previews leave the run history empty")
                .isZero();
        assertThat(jdbc.sql("select count(*) from billing.billing_runs where tenant_id = :t")
                        .param("t", tenant.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(session.page("/billing/runs").body()).contains("No runs yet.");
    }

    @Test
    void theSettingsEditorsSaveDunningAndTaxRowsAndPutEachProblemOnItsRow() {
        var session = ConsoleSession.admin(api, tenant.slug());
        String page = session.page("/billing/settings").body();
        assertThat(page).contains("name=\"dunningSteps[2].days\"", "value=\"7\"");

        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of(
                "paymentTermsDays", "10",
                "invoiceNumberFormat", "INV-{yyyy}-{seq:6}",
                "receiptNumberFormat", "RCP-{yyyy}-{seq:6}",
                "billWhileSuspended", "true"));
        fields.putAll(Map.of(
                "taxRates[0].taxClass", "standard",
                "taxRates[0].name", "VAT",
                "taxRates[0].percent", "15",
                "taxRates[0].inclusive", "false",
                "taxRates[1].taxClass", "",
                "taxRates[1].name", "",
                "taxRates[1].percent", "",
                "dunningSteps[0].days", "-3",
                "dunningSteps[0].action", "REMINDER",
                "dunningSteps[1].days", "10"));
        fields.put("dunningSteps[1].action", "SUSPEND");
        fields.put("dunningSteps[1].message", "Dear {customer}, your service is suspended until {invoice} is paid.");
        var saved = session.submit("/billing/settings", "/billing/settings", fields);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        JsonNode settings =
                api.get("/api/v1/billing-settings", tenant.adminToken()).json();
        assertThat(settings.path("paymentTermsDays").asInt()).isEqualTo(10);
        assertThat(settings.path("taxRates")).hasSize(1);
        assertThat(settings.path("taxRates").get(0).path("percent").decimalValue())
                .isEqualByComparingTo("15");
        assertThat(settings.path("dunningSteps").findValuesAsString("action")).containsExactly("REMINDER", "SUSPEND");
        assertThat(settings.path("dunningSteps").get(1).path("message").asString())
                .startsWith("Dear {customer}");
        assertThat(session.page("/billing/settings").body()).contains("your service is suspended until {invoice}");

        // a blank row before the bad one: the error still lands on the row the clerk typed it in
        var bad = new java.util.LinkedHashMap<>(fields);
        bad.put("taxRates[1].taxClass", "standard");
        bad.put("taxRates[1].name", "Surcharge");
        bad.put("taxRates[1].percent", "150");
        bad.put("taxRates[1].inclusive", "false");
        bad.put("taxRates[0].taxClass", "");
        bad.put("taxRates[0].name", "");
        bad.put("taxRates[0].percent", "");
        var refused = session.submit("/billing/settings", "/billing/settings", bad);
        assertThat(refused.status()).isEqualTo(200);
        String form = refused.body();
        assertThat(invalid(form, "taxRates[1].percent")).isTrue();
        assertThat(invalid(form, "taxRates[1].name")).isFalse();
        assertThat(form).contains("a rate is 0-100%");

        var typo = new java.util.LinkedHashMap<>(fields);
        typo.put("dunningSteps[2].days", "abc");
        typo.put("dunningSteps[2].action", "TERMINATE");
        String notANumber =
                session.submit("/billing/settings", "/billing/settings", typo).body();
        assertThat(invalid(notANumber, "dunningSteps[2].days")).isTrue();
        assertThat(invalid(notANumber, "dunningSteps[1].days")).isFalse();
        assertThat(notANumber).contains("enter a whole number");

        var tooLong = new java.util.LinkedHashMap<>(fields);
        tooLong.put("dunningSteps[0].message", "x".repeat(501));
        assertThat(invalid(
                        session.submit("/billing/settings", "/billing/settings", tooLong)
                                .body(),
                        "dunningSteps[0].message"))
                .isTrue();
        assertThat(api.get("/api/v1/billing-settings", tenant.adminToken())
                        .json()
                        .path("taxRates")
                        .get(0)
                        .path("percent")
                        .decimalValue())
                .as("nothing saved")
                .isEqualByComparingTo("15");

        var twoSteps = new java.util.LinkedHashMap<>(fields);
        twoSteps.put("dunningSteps[1].days", "-3");
        String clash = session.submit("/billing/settings", "/billing/settings", twoSteps)
                .body();
        assertThat(invalid(clash, "dunningSteps[1].days")).isTrue();
        assertThat(clash).contains("two steps on day -3");

        var added = new java.util.LinkedHashMap<>(fields);
        added.put("addDunningStep", "1");
        String more =
                session.submit("/billing/settings", "/billing/settings", added).body();
        assertThat(more).contains("name=\"dunningSteps[2].days\"").doesNotContain("alert-success");
        var removed = new java.util.LinkedHashMap<>(fields);
        removed.put("removeDunningStep", "0");
        String fewer = session.submit("/billing/settings", "/billing/settings", removed)
                .body();
        assertThat(fewer).contains("name=\"dunningSteps[0].days\"").doesNotContain("name=\"dunningSteps[1].days\"");
        assertThat(fewer).containsPattern("name=\"dunningSteps\\[0]\\.days\"[^>]*value=\"10\"");
    }

    /** Whether the form's input of this name is marked invalid. */
    private static boolean invalid(String html, String name) {
        int at = html.indexOf("name=\"" + name + "\"");
        assertThat(at).as(name + " on the form").isNotNegative();
        int start = html.lastIndexOf('<', at);
        int end = html.indexOf('>', at);
        return html.substring(start, end).contains("is-invalid");
    }

    @Test
    void everyBillingPageKeepsItsTablesScrollableAtPhoneWidth() {
        var session = ConsoleSession.admin(api, tenant.slug());
        for (String path : List.of("/billing/invoices", "/billing/runs/preview")) {
            String body = session.page(path).body();
            assertThat(body).as(path).contains("table-responsive");
        }
        assertThat(session.page("/billing/invoices").body()).contains("collapse d-md-flex");
    }
}
