package io.moonknight.identity;

import static io.moonknight.testsupport.FormPages.assertFieldError;
import static io.moonknight.testsupport.FormPages.assertNoFieldError;
import static io.moonknight.testsupport.FormPages.assertSavedTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.ConsoleSession;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The identity console forms over plain HTTP: blank, too long and malformed input comes back on the form with the
 * error on the right field (never a 500, never a secret sent back), and valid input is saved.
 */
@IntegrationTest
class IdentityConsoleFormsTest {

    static final String LONG = "x".repeat(400);

    @LocalServerPort
    int port;

    Api api;
    TestTenants tenants;
    TestTenants.TenantFixture tenant;
    ConsoleSession console;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        tenants = new TestTenants(api);
        tenant = tenants.create();
        console = ConsoleSession.admin(api, tenant.slug());
    }

    @Test
    void theNewUserFormNamesEveryBadFieldAtOnceAndNeverSendsThePasswordBack() {
        var blank = console.submit("/users/new", "/users/new", Map.of("username", "", "fullName", "", "email", ""));
        assertFieldError(blank, "username", "must be 2-64 characters");
        assertFieldError(blank, "fullName", "must be 1-120 characters");
        assertFieldError(blank, "email", "must be an email address");
        assertNoFieldError(blank, "phone");

        var garbage = console.submit(
                "/users/new",
                "/users/new",
                Map.of(
                        "username", "Not A Name!",
                        "fullName", LONG,
                        "email", "x@" + LONG + ".test",
                        "phone", "call me",
                        "password", "secret-typed-9"));
        assertFieldError(garbage, "username", "must be 2-64 characters");
        assertFieldError(garbage, "fullName", "must be 1-120 characters");
        assertFieldError(garbage, "email", "must be an email address");
        assertFieldError(garbage, "phone", "must be a phone number");
        assertThat(garbage.body()).doesNotContain("secret-typed-9");

        var weak = console.submit("/users/new", "/users/new", user("weak.one", "shortpw1"));
        assertFieldError(weak, "password", "at least 10 characters");
        assertThat(weak.body()).contains("value=\"weak.one\"").doesNotContain("shortpw1");

        var unknownRole = console.submit(
                "/users/new", "/users/new", with(user("role.less", TestTenants.PASSWORD), "roleIds", "not-an-id"));
        assertThat(unknownRole.status()).isIn(200, 400);
        assertThat(unknownRole.body()).contains("choose among the options shown");

        String id = assertSavedTo(
                console.submit(
                        "/users/new",
                        "/users/new",
                        with(user("new.clerk", TestTenants.PASSWORD), "roleIds", roleId("Admin"))),
                "/users/");
        var created = api.get("/api/v1/users/" + id, tenant.adminToken());
        assertThat(created.text("username")).isEqualTo("new.clerk");
        assertThat(created.json().path("roles").get(0).path("name").asString()).isEqualTo("Admin");
    }

    @Test
    void theUserPageShowsTheFormThatFailedAndFillsTheOtherTwoFromTheRecord() {
        var clerk = tenants.userWith(tenant, java.util.Set.of("tenant:read"));
        String page = "/users/" + clerk.id();

        var profile = console.submit(page, page, Map.of("fullName", " ", "email", "nobody", "phone", ""));
        assertFieldError(profile, "fullName", "must be 1-120 characters");
        assertFieldError(profile, "email", "must be an email address");
        assertNoFieldError(profile, "phone");
        assertThat(profile.body())
                .as("the roles form comes from the record")
                .containsPattern("name=\"roleIds\"[^>]*checked");

        var tooLong = console.submit(page, page, Map.of("fullName", "Ok Name", "email", "a@b.test", "phone", LONG));
        assertFieldError(tooLong, "phone", "must be a phone number");

        var password = console.submit(page, page + "/password", Map.of("password", ""));
        assertFieldError(password, "password", "at least 10 characters");
        assertThat(password.body())
                .as("the profile form comes from the record")
                .contains("value=\"" + clerk.username() + "@");

        var roles = console.submit(page, page + "/roles", Map.of("roleIds", "garbage"));
        assertThat(roles.status()).isIn(200, 400);
        assertThat(roles.body()).contains("choose among the options shown");

        assertSavedTo(
                console.submit(page, page, Map.of("fullName", "Renamed Clerk", "email", "renamed@isp.test")), page);
        assertThat(api.get("/api/v1/users/" + clerk.id(), tenant.adminToken()).text("fullName"))
                .isEqualTo("Renamed Clerk");
        assertSavedTo(console.submit(page, page + "/roles", Map.of("roleIds", roleId("Admin"))), page);
        assertSavedTo(console.submit(page, page + "/password", Map.of("password", "another-strong-pass-5")), page);
        assertThat(tenants.login(tenant.slug(), clerk.username(), "another-strong-pass-5")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aButtonOnAnUnknownUserAnswers404AndARefusalIsAFlash() {
        String unknown = "/users/" + UUID.randomUUID();
        for (String action :
                new String[] {"/disable", "/enable", "/unlock", "/logout", "/two-factor/reset", "/roles"}) {
            assertThat(console.submit("/users", unknown + action, Map.of()).status())
                    .as(action)
                    .isEqualTo(404);
        }
        assertThat(console.submit("/users", unknown + "/password", Map.of("password", "x"))
                        .status())
                .isEqualTo(404);

        String me = api.get("/api/v1/me", tenant.adminToken()).text("id");
        var refused = console.submit("/users/" + me, "/users/" + me + "/disable", Map.of());
        assertSavedTo(refused, "/users/" + me);
        assertThat(console.page("/users/" + me).body()).contains("You cannot disable your own account");
    }

    @Test
    void theRoleFormRefusesABlankOrLongNameALongDescriptionAndUnknownPermissions() {
        var blank = console.submit("/roles/new", "/roles/new", Map.of("name", "", "description", ""));
        assertFieldError(blank, "name", "must be 1-60 characters");

        var longName = console.submit("/roles/new", "/roles/new", Map.of("name", LONG));
        assertFieldError(longName, "name", "must be 1-60 characters");

        var longDescription = console.submit(
                "/roles/new",
                "/roles/new",
                Map.of("name", "Described", "description", LONG, "permissions", "users:read"));
        assertFieldError(longDescription, "description", "at most 300 characters");
        assertThat(longDescription.body())
                .as("the ticked permission stays ticked")
                .containsPattern("value=\"users:read\"[^>]*checked");

        var unknown = console.submit("/roles/new", "/roles/new", Map.of("name", "Typo", "permissions", "users:raed"));
        assertThat(unknown.status()).isIn(200, 400);
        assertThat(unknown.body()).contains("unknown permission(s): users:raed");

        assertSavedTo(
                console.submit(
                        "/roles/new", "/roles/new", Map.of("name", "Auditor", "permissions", "users:read,tenant:read")),
                "/roles");
        String id = roleId("Auditor");
        var rename = console.submit("/roles/" + id, "/roles/" + id, Map.of("name", " "));
        assertFieldError(rename, "name", "must be 1-60 characters");
        assertSavedTo(
                console.submit("/roles/" + id, "/roles/" + id, Map.of("name", "Auditors", "permissions", "users:read")),
                "/roles");
        assertThat(console.page("/roles/" + id).body()).contains("value=\"Auditors\"");
    }

    @Test
    void theApiKeyFormRefusesBadInputAndShowsANewKeyOnce() {
        var blank = newKey(Map.of("name", ""));
        assertFieldError(blank, "name", "must be 1-80 characters");

        var garbage = newKey(Map.of("name", "CRM", "expiresOn", "next tuesday", "requestsPerMinute", "lots"));
        assertFieldError(garbage, "expiresOn", "enter a date as YYYY-MM-DD");
        assertFieldError(garbage, "requestsPerMinute", "enter a whole number");

        var outOfRange = newKey(Map.of("name", "CRM", "requestsPerMinute", "0", "scopes", "users:read"));
        assertFieldError(outOfRange, "requestsPerMinute", "between 1 and 100000");

        var past = newKey(
                Map.of("name", "CRM", "expiresOn", LocalDate.now().minusYears(1).toString()));
        assertFieldError(past, "expiresOn", "must be in the future");

        var created = newKey(Map.of("name", "CRM sync", "scopes", "users:read"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("id=\"new-key-secret\"", "mk_");
        assertThat(console.page("/settings/api-keys").body()).doesNotContain("id=\"new-key-secret\"");

        assertThat(console.submit("/settings/api-keys", "/settings/api-keys/" + UUID.randomUUID() + "/revoke", Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theOwnPasswordFormNamesTheCurrentOrTheNewPasswordAndSendsNeitherBack() {
        var blank = console.submit("/account", "/account/password", Map.of("currentPassword", "", "newPassword", ""));
        assertFieldError(blank, "currentPassword", "enter your current password");

        var wrong = console.submit(
                "/account", "/account/password", Map.of("currentPassword", "not-my-password", "newPassword", "x"));
        assertFieldError(wrong, "currentPassword", "is not your current password");
        assertThat(wrong.body()).doesNotContain("not-my-password");

        var weak = console.submit(
                "/account",
                "/account/password",
                Map.of("currentPassword", TestTenants.PASSWORD, "newPassword", "a".repeat(300)));
        assertFieldError(weak, "newPassword", "must be at most 72 bytes");
        assertThat(weak.body()).doesNotContain(TestTenants.PASSWORD);
    }

    @Test
    void theUsersListReadsItsFiltersLeniently() {
        var odd = console.page("/users?status=NOPE&page=x&q=" + "z".repeat(300));
        assertThat(odd.status()).isEqualTo(200);
        assertThat(odd.body()).contains("No users match these filters.");
        assertThat(console.page("/users?status=DISABLED&page=-2").body()).contains("No users match these filters.");
        assertThat(console.page("/users?status=active").body()).contains(">admin</a>");
    }

    private Api.Response newKey(Map<String, String> fields) {
        return console.submit("/settings/api-keys", "/settings/api-keys", fields);
    }

    private static Map<String, String> user(String username, String password) {
        return Map.of(
                "username",
                username,
                "fullName",
                "Clerk " + username,
                "email",
                username + "@isp.test",
                "phone",
                "+880 1711-000000",
                "password",
                password);
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        var more = new java.util.LinkedHashMap<>(fields);
        more.put(name, value);
        return more;
    }

    private String roleId(String name) {
        for (var role : api.get("/api/v1/roles", tenant.adminToken()).json().path("items")) {
            if (role.path("name").asString().equals(name)) {
                return role.path("id").asString();
            }
        }
        throw new AssertionError("no role " + name);
    }
}
