package io.moonknight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates isolated tenants and users through the public API, the way an operator and admin would. */
public final class TestTenants {

    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "operator-test-password-7";
    public static final String PASSWORD = "correct-horse-battery-9";
    /** Every test tenant's time zone: its "today" can differ from the JVM's (UTC) for a few hours each day. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Dhaka");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Api api;

    public TestTenants(Api api) {
        this.api = api;
    }

    /** Today where the test tenants are, the date their billing and expiry decisions use. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public String operatorToken() {
        return token(login(null, OPERATOR, OPERATOR_PASSWORD));
    }

    /** A new tenant with its admin, and the admin's access token. */
    public TenantFixture create() {
        String slug = "t" + Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
        var created = api.post(
                "/api/v1/platform/tenants",
                Map.of(
                        "slug",
                        slug,
                        "name",
                        "Tenant " + slug,
                        "timezone",
                        ZONE.getId(),
                        "currency",
                        "BDT",
                        "locale",
                        "en",
                        "admin",
                        Map.of(
                                "username",
                                "admin",
                                "email",
                                "admin@" + slug + ".test",
                                "fullName",
                                "Admin " + slug,
                                "password",
                                PASSWORD)),
                operatorToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.text("id"));
        var login = login(slug, "admin", PASSWORD);
        return new TenantFixture(id, slug, token(login), login.text("refreshToken"));
    }

    /** Creates a custom role with exactly these permissions and a user holding only it; returns the user's token. */
    public UserFixture userWith(TenantFixture tenant, Set<String> permissions) {
        String suffix = Integer.toString(SEQUENCE.incrementAndGet());
        var role = api.post(
                "/api/v1/roles", Map.of("name", "Role " + suffix, "permissions", permissions), tenant.adminToken());
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        var user = api.post(
                "/api/v1/users",
                Map.of(
                        "username", "user" + suffix,
                        "email", "user" + suffix + "@example.test",
                        "fullName", "User " + suffix,
                        "password", PASSWORD,
                        "roleIds", List.of(role.text("id"))),
                tenant.adminToken());
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        String username = "user" + suffix;
        return new UserFixture(
                UUID.fromString(user.text("id")), username, token(login(tenant.slug(), username, PASSWORD)));
    }

    public Api.Response login(String tenant, String username, String password) {
        var body = new java.util.HashMap<String, Object>();
        if (tenant != null) {
            body.put("tenant", tenant);
        }
        body.put("username", username);
        body.put("password", password);
        return api.post("/api/v1/auth/login", body, null);
    }

    private static String token(Api.Response login) {
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.text("accessToken");
    }

    public record TenantFixture(UUID id, String slug, String adminToken, String adminRefreshToken) {}

    public record UserFixture(UUID id, String username, String token) {}
}
