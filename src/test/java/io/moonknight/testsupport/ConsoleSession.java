package io.moonknight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A console session over plain HTTP: logs in through the login form and keeps the session cookie, for tests of
 * pages that need no browser (status codes, what a page says).
 */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final Api api;
    private final String cookie;

    private ConsoleSession(Api api, String cookie) {
        this.api = api;
        this.cookie = cookie;
    }

    /** Logs the tenant's admin in. */
    public static ConsoleSession admin(Api api, String tenant) {
        return login(api, tenant, "admin", TestTenants.PASSWORD);
    }

    /** Logs the platform operator in (no tenant). */
    public static ConsoleSession operator(Api api) {
        return login(api, "", TestTenants.OPERATOR, TestTenants.OPERATOR_PASSWORD);
    }

    /** Logs a user of the tenant in (with the test password). */
    public static ConsoleSession login(Api api, String tenant, String username) {
        return login(api, tenant, username, TestTenants.PASSWORD);
    }

    /** Logs a user in through the login form; {@code tenant} is empty for a platform operator. */
    public static ConsoleSession login(Api api, String tenant, String username, String password) {
        var loginPage = api.get("/login", null);
        String cookie = cookie(loginPage);
        var csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
        String form = "tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var login = api.send(
                "POST",
                "/login",
                form,
                null,
                Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(login.status()).as(login.toString()).isEqualTo(302);
        assertThat(login.header("Location")).doesNotContain("error");
        String fresh = login.header("Set-Cookie");
        return new ConsoleSession(api, fresh == null ? cookie : fresh.split(";")[0]);
    }

    /** GETs a page as a browser would ask for it. */
    public Api.Response page(String path) {
        return api.send("GET", path, null, null, Map.of("Cookie", cookie, "Accept", "text/html"));
    }

    /**
     * Submits a form as a browser would: takes the CSRF token from {@code pagePath}, then POSTs the fields
     * url-encoded to {@code actionPath}.
     */
    public Api.Response submit(String pagePath, String actionPath, Map<String, String> fields) {
        var page = page(pagePath);
        var csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("CSRF token on " + pagePath).isTrue();
        var form = new StringBuilder("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        fields.forEach((name, value) -> form.append('&')
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return api.send(
                "POST",
                actionPath,
                form.toString(),
                null,
                Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"));
    }

    private static String cookie(Api.Response response) {
        String header = response.header("Set-Cookie");
        assertThat(header).as("session cookie").isNotNull();
        return header.split(";")[0];
    }
}
