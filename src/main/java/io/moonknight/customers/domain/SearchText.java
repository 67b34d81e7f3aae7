package io.moonknight.customers.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The one lowercase, accent-free text a customer is found by: names, account number, phone numbers (with and
 * without the country code), emails, ids, address and tags. Queries are normalised the same way.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    public static final int MAX_TOKENS = 6;

    private SearchText() {}

    public static String of(Collection<@Nullable String> parts) {
        return parts.stream()
                .filter(Objects::nonNull)
                .map(SearchText::normalise)
                .filter(part -> !part.isEmpty())
                .distinct()
                .collect(Collectors.joining(" "));
    }

    /** A phone's searchable forms: as stored, digits only, and the national part after a country code. */
    public static List<String> phoneForms(String phone) {
        String digits = phone.replaceAll("\\D", "");
        List<String> forms = new ArrayList<>(List.of(phone, digits));
        if (phone.startsWith("+") && digits.length() > 8) {
            for (int cc = 1; cc <= 3; cc++) {
                forms.add("0" + digits.substring(cc)); // e.g. +8801711… → 01711…
            }
        }
        return forms;
    }

    /** The words of a query, normalised; at most {@link #MAX_TOKENS}. */
    public static List<String> tokens(String query) {
        String normal = normalise(query);
        if (normal.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(SPACES.split(normal))
                .filter(t -> !t.isEmpty())
                .limit(MAX_TOKENS)
                .toList();
    }

    public static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }
}
