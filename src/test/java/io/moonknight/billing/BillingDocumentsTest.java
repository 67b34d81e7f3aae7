package io.moonknight.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.ConsoleSession;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The billing documents as a customer receives them: invoice, receipt and statement PDFs, and the statement CSV. */
@IntegrationTest
class BillingDocumentsTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    Api api;
    TestTenants tenants;
    TestTenants.TenantFixture tenant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenants = new TestTenants(api);
        tenant = tenants.create();
    }

    private String customer(String firstName, String lastName, Map<String, Object> address) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "type",
                "INDIVIDUAL",
                "firstName",
                firstName,
                "lastName",
                lastName,
                "phones",
                List.of("+8801711" + String.format("%06d", Math.abs((firstName + lastName).hashCode()) % 1_000_000))));
        if (!address.isEmpty()) {
            body.put("installationAddress", address);
        }
        var created = api.post("/api/v1/customers", body, tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private void charge(String customer, String description, String price) {
        var charged = api.post(
                "/api/v1/customers/" + customer + "/charges",
                Map.of("kind", "SERVICE", "description", description, "unitPrice", price),
                tenant.adminToken());
        assertThat(charged.status()).as(charged.toString()).isEqualTo(201);
    }

    private Api.Response invoicePending(String customer) {
        var invoice = api.post("/api/v1/customers/" + customer + "/charges/invoice", null, tenant.adminToken());
        assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
        return invoice;
    }

    private Api.Response pay(String customer, String amount, String method, String reference) {
        var paid = api.post(
                "/api/v1/payments",
                Map.of("customerId", customer, "amount", amount, "method", method, "reference", reference),
                tenant.adminToken());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        return paid;
    }

    private record Download(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Download download(String path, String token, String accept) throws IOException, InterruptedException {
        var response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Download(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** Every font on every page (and in the pages' form XObjects), with whether its program is in the file. */
    private static Map<String, Boolean> fonts(PDDocument document) throws IOException {
        Map<String, Boolean> fonts = new HashMap<>();
        for (var page : document.getPages()) {
            collectFonts(page.getResources(), fonts);
        }
        return fonts;
    }

    private static void collectFonts(PDResources resources, Map<String, Boolean> fonts) throws IOException {
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            fonts.put(font.getName(), font.isEmbedded());
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form && form.getResources() != null) {
                collectFonts(form.getResources(), fonts);
            }
        }
    }

    private static int images(PDDocument document) throws IOException {
        int images = 0;
        for (var page : document.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
        }
        return images;
    }

    private static ListAppender<ILoggingEvent> watchLogs() {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private static List<String> rendererWarnings(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
        return appender.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(e -> e.getLoggerName().startsWith("org.apache.pdfbox")
                        || e.getLoggerName().startsWith("org.apache.fontbox")
                        || e.getLoggerName().startsWith("com.openhtmltopdf"))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage())
                .toList();
    }

    @Test
    void anInvoiceForABengaliNameAndAnArabicAddressEmbedsEveryFontAndFlowsOntoASecondPage() throws Exception {
        String customer = customer(
                "রহিম",
                "উদ্দিন",
                Map.of(
                        "line1",
                        "شارع الملك فهد ١٢",
                        "line2",
                        "Building 7, Floor 3, Apartment 12, behind the very long-named Central Community Library and"
                                + " Cultural Centre of the Northern District",
                        "city",
                        "الرياض"));
        var profile = new HashMap<String, Object>(Map.of(
                "paymentTermsDays",
                7,
                "autoRenew",
                true,
                "neverSuspend",
                false,
                "taxExempt",
                false,
                "taxId",
                "BIN-000123456"));
        var saved = api.put("/api/v1/customers/" + customer + "/billing-account", profile, tenant.adminToken());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        charge(
                customer,
                "Fibre installation with a very long description that has to wrap inside its column rather than run"
                        + " over the amounts: 120 m drop cable, ONU, splicing, wall sockets and a site survey",
                "2500");
        for (int i = 1; i <= 45; i++) {
            charge(customer, "Service item " + i, "10");
        }
        var invoice = invoicePending(customer);
        String id = invoice.text("id");
        String number = invoice.text("number");

        var logs = watchLogs();
        byte[] pdf = api.bytes("/api/v1/invoices/" + id + "/pdf", tenant.adminToken());
        List<String> warnings = rendererWarnings(logs);

        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Invoice " + number)
                    .contains("BILL TO")
                    .contains("Tax ID BIN-000123456")
                    .contains("Building 7, Floor 3")
                    .contains("Service item 1 10.00")
                    .contains("Service item 45")
                    .contains("Amount due")
                    .contains("HOW TO PAY")
                    .contains("/billing/invoices/" + id)
                    .contains("2,950.00");
            assertThat(document.getNumberOfPages())
                    .as("46 lines flow onto a second page")
                    .isGreaterThanOrEqualTo(2);
            Map<String, Boolean> fonts = fonts(document);
            assertThat(fonts).as("every font is embedded: " + fonts).doesNotContainValue(false);
            Set<String> families = new TreeSet<>();
            fonts.keySet().forEach(name -> families.add(name.substring(name.indexOf('+') + 1)));
            assertThat(families)
                    .as("the Bengali name and the Arabic address have fonts of their own")
                    .contains("NotoSans-Regular", "NotoSansBengali-Bold", "NotoSansArabic-Regular");
            assertThat(images(document)).as("the QR code of the pay link").isEqualTo(1);
        }
        // PDFBox's note that the base-14 Helvetica and ZapfDingbats (set up by openhtmltopdf, used by no text here) map
        // to a system font is silenced in application.yaml; nothing else may warn.
        assertThat(warnings).as("the renderer has nothing to warn about").isEmpty();
    }

    @Test
    void aReceiptNamesTheInvoicesItSettledAndTheBalanceAfter() throws Exception {
        String customer = customer("Karim", "Receipt", Map.of("line1", "12 Road 5", "city", "Dhaka"));
        charge(customer, "ONU router", "1200");
        String number = invoicePending(customer).text("number");
        var payment = pay(customer, "1500", "BANK_TRANSFER", "TRX-42");

        byte[] pdf = api.bytes("/api/v1/payments/" + payment.text("id") + "/receipt", tenant.adminToken());
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Receipt " + payment.text("receiptNumber"))
                    .contains("Karim Receipt")
                    .contains("12 Road 5")
                    .contains("Bank transfer")
                    .contains("TRX-42")
                    .contains("Invoice " + number + " 1,200.00")
                    .contains("Kept as credit on the account 300.00")
                    .contains("Total received")
                    .contains("Balance after this payment (in credit) 300.00");
            assertThat(fonts(document)).doesNotContainValue(false);
        }
    }

    @Test
    void aStatementRunsTheBalanceFromOpeningToClosingInPdfAndCsv() throws Exception {
        String customer = customer("Salma", "Statement", Map.of());
        charge(customer, "Installation", "1000");
        invoicePending(customer);
        pay(customer, "600", "CASH", "counter 1");
        charge(customer, "Router", "250.50");
        invoicePending(customer);
        BigDecimal balance = api.get("/api/v1/customers/" + customer + "/ledger", tenant.adminToken())
                .json()
                .path("balance")
                .decimalValue();
        assertThat(balance).isEqualByComparingTo("650.50");
        LocalDate today = TestTenants.today();
        String path = "/api/v1/customers/" + customer + "/statement?from=" + today.minusMonths(1) + "&to=" + today;

        var csv = download(path + "&format=csv", tenant.adminToken(), "*/*");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(csv.text().substring(1)))
                .getRecords();
        assertThat(rows)
                .extracting(r -> r.get("Type"))
                .containsExactly("OPENING", "INVOICE", "PAYMENT", "INVOICE", "CLOSING");
        BigDecimal running = new BigDecimal(rows.getFirst().get("Balance"));
        assertThat(running).isEqualByComparingTo("0");
        for (CSVRecord row : rows.subList(1, rows.size() - 1)) {
            running = running.add(amount(row.get("Debit"))).subtract(amount(row.get("Credit")));
            assertThat(new BigDecimal(row.get("Balance"))).as(row.toString()).isEqualByComparingTo(running);
        }
        CSVRecord closing = rows.getLast();
        assertThat(new BigDecimal(closing.get("Balance"))).isEqualByComparingTo(balance);
        assertThat(new BigDecimal(closing.get("Debit"))).isEqualByComparingTo("1250.50");
        assertThat(new BigDecimal(closing.get("Credit"))).isEqualByComparingTo("600");
        assertThat(rows.get(2).get("Reference")).startsWith("RCP-");

        var byAccept = download(path, tenant.adminToken(), "text/csv");
        assertThat(byAccept.contentType()).startsWith("text/csv");

        var later = download(
                "/api/v1/customers/" + customer + "/statement?from=" + today.plusDays(1) + "&to=" + today.plusDays(2)
                        + "&format=csv",
                tenant.adminToken(),
                "*/*");
        List<String> laterLines = later.text().lines().toList();
        assertThat(laterLines)
                .as("after the last entry the opening balance is the whole balance")
                .hasSize(3);
        assertThat(laterLines.get(1))
                .startsWith(today.plusDays(1) + ",OPENING,")
                .endsWith(",650.50");

        var pdf = download(path, tenant.adminToken(), "application/pdf");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Statement of account")
                    .contains("Salma Statement")
                    .contains("Opening balance")
                    .contains("Closing balance")
                    .contains("650.50")
                    .contains("1,250.50");
            assertThat(fonts(document)).doesNotContainValue(false);
        }
    }

    private static BigDecimal amount(String cell) {
        return cell.isEmpty() ? BigDecimal.ZERO : new BigDecimal(cell);
    }

    @Test
    void theCustomersBillingTabOpensTheStatementAsPdfAndDownloadsItAsCsv() {
        String customer = customer("Console", "Statement", Map.of());
        charge(customer, "Installation", "1000");
        invoicePending(customer);
        var console = ConsoleSession.admin(api, tenant.slug());
        String tab = console.page("/billing/for-customer/" + customer).body();
        assertThat(tab).contains("id=\"statement-form\"").contains("/billing/for-customer/" + customer + "/statement");

        var pdf = console.page("/billing/for-customer/" + customer + "/statement?from=&to=&format=pdf");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).startsWith("inline");
        var csv = console.page("/billing/for-customer/" + customer + "/statement?from=&to=&format=csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains(".csv");
        assertThat(csv.body()).contains("Invoice INV-").contains("CLOSING");
    }

    @Test
    void aStatementOfAnotherTenantsCustomerIsNotFound() throws Exception {
        String customer = customer("Other", "Tenant", Map.of());
        var stranger = tenants.create();
        var response = api.get("/api/v1/customers/" + customer + "/statement?format=csv", stranger.adminToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers/" + UUID.randomUUID() + "/statement", tenant.adminToken())
                        .status())
                .isEqualTo(404);
        var clerk = tenants.userWith(tenant, Set.of("customers:read"));
        assertThat(api.get("/api/v1/customers/" + customer + "/statement", clerk.token())
                        .status())
                .as("billing:read is needed")
                .isEqualTo(403);
    }

    @Test
    void aStatementRangeThatIsNotADateRunsBackwardsOrIsTooLongIsABadRequestNamingTheField() throws Exception {
        String customer = customer("Bad", "Range", Map.of());
        record Bad(String query, String field) {}
        List<String> failures = new ArrayList<>();
        for (var bad : List.of(
                new Bad("from=2026-02-30", "from"),
                new Bad("to=yesterday", "to"),
                new Bad("from=2026-05-02&to=2026-05-01", "from"),
                new Bad("from=2019-01-01&to=2024-01-02", "from"),
                new Bad("from=0001-01-01", "from"),
                new Bad("format=xls", "format"))) {
            var response = api.get("/api/v1/customers/" + customer + "/statement?" + bad.query(), tenant.adminToken());
            List<String> fields = new ArrayList<>();
            response.json()
                    .path("errors")
                    .forEach(e -> fields.add(e.path("field").asString()));
            if (response.status() != 400 || !fields.equals(List.of(bad.field()))) {
                failures.add(bad + " -> " + response);
            }
        }
        assertThat(failures).isEmpty();
        var exactlyFiveYears = api.get(
                "/api/v1/customers/" + customer + "/statement?from=2019-01-01&to=2024-01-01&format=csv",
                tenant.adminToken());
        assertThat(exactlyFiveYears.status()).isEqualTo(200);
        var csvAsked =
                download("/api/v1/customers/" + customer + "/statement?from=nope", tenant.adminToken(), "text/csv");
        assertThat(csvAsked.status())
                .as("a problem even when CSV was asked for")
                .isEqualTo(400);
    }
}
