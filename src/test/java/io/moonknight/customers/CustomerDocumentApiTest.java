package io.moonknight.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestFiles;
import io.moonknight.testsupport.TestTenants;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class CustomerDocumentApiTest {

    @LocalServerPort
    int port;

    Api api;
    TestTenants tenants;
    TestTenants.TenantFixture tenant;
    String customer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenants = new TestTenants(api);
        tenant = tenants.create();
        customer = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Doc",
                                "lastName",
                                "Holder",
                                "phones",
                                List.of("+8801711000001")),
                        tenant.adminToken())
                .text("id");
    }

    @Test
    void aRealPdfAndJpegAreAcceptedDetectedHashedAndSanitised() throws Exception {
        byte[] pdf = TestFiles.pdf();
        var uploaded = upload("../../secret/national id.pdf", "application/octet-stream", pdf, "national-id");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.text("contentType")).isEqualTo("application/pdf");
        assertThat(uploaded.text("fileName")).isEqualTo("national id.pdf");
        assertThat(uploaded.text("status")).isEqualTo("PENDING");
        assertThat(uploaded.text("sha256"))
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(uploaded.json().path("sizeBytes").asLong()).isEqualTo(pdf.length);

        var photo = upload("bill.png", "image/png", TestFiles.jpeg(), "utility-bill");
        assertThat(photo.status()).isEqualTo(201);
        assertThat(photo.text("contentType")).isEqualTo("image/jpeg");
        assertThat(photo.text("fileName")).isEqualTo("bill.jpg");

        String documentId = uploaded.text("id");
        byte[] downloaded = api.bytes(
                "/api/v1/customers/" + customer + "/documents/" + documentId + "/content", tenant.adminToken());
        assertThat(downloaded).isEqualTo(pdf);
        var audit = api.get(
                "/api/v1/audit-events?action=customer-document.downloaded&targetId=" + documentId, tenant.adminToken());
        assertThat(audit.json().path("totalItems").asInt()).isEqualTo(1);

        var history = api.get("/api/v1/customers/" + customer + "/history", tenant.adminToken())
                .body();
        assertThat(history).contains("document.uploaded");
    }

    @Test
    void anExecutableRenamedPdfIsRefused() {
        var refused = upload("contract.pdf", "application/pdf", TestFiles.executable(), "contract");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("file");
        assertThat(refused.body()).contains("a program");
        assertThat(api.get("/api/v1/customers/" + customer + "/documents", tenant.adminToken())
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void oversizedEmptyAndMistypedUploadsAreRefused() {
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(TestFiles.pdf(), 0, big, 0, TestFiles.pdf().length);
        var tooBig = upload("big.pdf", "application/pdf", big, "contract");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().path("errors").get(0).path("field").asString()).isEqualTo("file");
        assertThat(upload("empty.pdf", "application/pdf", new byte[0], "contract")
                        .status())
                .isEqualTo(400);
        var unknownType = upload("x.pdf", "application/pdf", TestFiles.pdf(), "horoscope");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().path("errors").get(0).path("field").asString())
                .isEqualTo("type");
    }

    @Test
    void reviewGoesFromPendingToVerifiedOrRejectedOnceAndRemovalIsSoft() {
        String first = upload("a.pdf", "application/pdf", TestFiles.pdf(), "national-id")
                .text("id");
        String second =
                upload("b.pdf", "application/pdf", TestFiles.pdf(), "passport").text("id");
        String base = "/api/v1/customers/" + customer + "/documents/";

        var verified = api.post(base + first + "/verify", null, tenant.adminToken());
        assertThat(verified.text("status")).isEqualTo("VERIFIED");
        assertThat(verified.text("reviewedBy")).startsWith("Admin");
        assertThat(verified.json().path("reviewedAt").isNull()).isFalse();
        assertThat(api.post(base + first + "/reject", Map.of("reason", "changed my mind"), tenant.adminToken())
                        .status())
                .isEqualTo(409);

        var rejected = api.post(base + second + "/reject", Map.of("reason", "Photo is blurred"), tenant.adminToken());
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(rejected.text("reviewReason")).isEqualTo("Photo is blurred");
        assertThat(api.post(base + second + "/reject", Map.of("reason", " "), tenant.adminToken())
                        .status())
                .isEqualTo(400);

        var removed = api.post(
                base + second + "/remove", Map.of("reason", "Uploaded to the wrong customer"), tenant.adminToken());
        assertThat(removed.json().path("removedAt").isNull()).isFalse();
        assertThat(api.get(base + second + "/content", tenant.adminToken()).status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/customers/" + customer + "/documents", tenant.adminToken())
                        .json()
                        .path("items"))
                .hasSize(2);
        var audit = api.get("/api/v1/audit-events?targetId=" + second, tenant.adminToken())
                .body();
        assertThat(audit).contains("customer-document.updated", "removedAt");
    }

    @Test
    void downloadingAndReviewingNeedTheirPermissions() {
        String document = upload("a.pdf", "application/pdf", TestFiles.pdf(), "national-id")
                .text("id");
        var reader = tenants.userWith(tenant, Set.of("customers:read"));
        assertThat(api.get("/api/v1/customers/" + customer + "/documents", reader.token())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/customers/" + customer + "/documents/" + document + "/content", reader.token())
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/customers/" + customer + "/documents/" + document + "/verify",
                                null,
                                reader.token())
                        .status())
                .isEqualTo(403);
        var uploader = tenants.userWith(tenant, Set.of("customers:read", "customer-documents:write"));
        assertThat(api.upload(
                                "/api/v1/customers/" + customer + "/documents",
                                Map.of("type", "photo"),
                                "file",
                                "p.jpg",
                                "image/jpeg",
                                TestFiles.jpeg(),
                                uploader.token())
                        .status())
                .isEqualTo(201);
    }

    private Api.Response upload(String name, String contentType, byte[] bytes, String type) {
        return api.upload(
                "/api/v1/customers/" + customer + "/documents",
                Map.of("type", type),
                "file",
                name,
                contentType,
                bytes,
                tenant.adminToken());
    }
}
