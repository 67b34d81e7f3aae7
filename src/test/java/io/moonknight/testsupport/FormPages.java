package io.moonknight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** What a console form page says about its fields, read from the HTML (for tests over plain HTTP). */
public final class FormPages {

    private FormPages() {}

    /**
     * Asserts that the form was shown again (not a 500, not a redirect) with the input {@code field} marked invalid
     * and, right under it, an error containing {@code message}.
     */
    public static void assertFieldError(Api.Response response, String field, String message) {
        assertThat(response.status()).as(response.toString()).isIn(200, 400);
        String body = response.body();
        assertThat(body)
                .as("input " + field + " is marked invalid")
                .containsPattern("<(input|textarea|select)\\b[^>]*class=\"[^\"]*is-invalid[^\"]*\"[^>]*\\bname=\""
                        + Pattern.quote(field) + "\"");
        var error = Pattern.compile("\\bname=\"" + Pattern.quote(field)
                        + "\"[^>]*>(?:[^<]*</textarea>)?\\s*<div class=\"invalid-feedback\">([^<]*)</div>")
                .matcher(body);
        assertThat(error.find()).as("an error under " + field).isTrue();
        assertThat(HtmlUtils.htmlUnescape(error.group(1)))
                .as("the error of " + field)
                .contains(message);
    }

    /** Asserts that the form was shown again with {@code field} not marked. */
    public static void assertNoFieldError(Api.Response response, String field) {
        assertThat(response.body())
                .as("input " + field + " is not marked invalid")
                .doesNotContainPattern("<(input|textarea|select)\\b[^>]*class=\"[^\"]*is-invalid[^\"]*\"[^>]*\\bname=\""
                        + Pattern.quote(field) + "\"");
    }

    /** Asserts that the submission was saved: a redirect to {@code prefix}; returns the id that follows it, if any. */
    public static String assertSavedTo(Api.Response response, String prefix) {
        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        String location = response.header("Location");
        assertThat(location).as("where the saved form goes").isNotNull().contains(prefix);
        String rest = location.substring(location.indexOf(prefix) + prefix.length());
        return rest.length() >= 36 ? UUID.fromString(rest.substring(0, 36)).toString() : rest;
    }
}
