package io.moonknight.customers.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A tenant-defined field and how its values are checked: text up to 500 characters, a decimal number, an ISO
 * date, or one of the listed choices; optionally required. Values are stored normalised as text.
 */
public record CustomFieldRule(String key, String label, CustomFieldType type, boolean required, List<String> choices) {

    public CustomFieldRule {
        choices = List.copyOf(choices);
        if (type == CustomFieldType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("a choice field needs at least one choice");
        }
    }

    /** The normalised value to store, empty for a blank optional field; throws with a message for people. */
    public Optional<String> check(@Nullable String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException("is required");
            }
            return Optional.empty();
        }
        return Optional.of(
                switch (type) {
                    case TEXT -> {
                        if (value.length() > 500) {
                            throw new IllegalArgumentException("must be at most 500 characters");
                        }
                        yield value;
                    }
                    case NUMBER -> {
                        try {
                            BigDecimal number = new BigDecimal(value.replace(",", ""));
                            if (number.abs().compareTo(new BigDecimal("1e15")) > 0) {
                                throw new IllegalArgumentException("is too large");
                            }
                            yield number.stripTrailingZeros().toPlainString();
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("must be a number");
                        }
                    }
                    case DATE -> {
                        try {
                            yield LocalDate.parse(value).toString();
                        } catch (DateTimeParseException e) {
                            throw new IllegalArgumentException("must be a date (yyyy-mm-dd)");
                        }
                    }
                    case CHOICE ->
                        choices.stream()
                                .filter(choice -> choice.equalsIgnoreCase(value))
                                .findFirst()
                                .orElseThrow(() ->
                                        new IllegalArgumentException("must be one of: " + String.join(", ", choices)));
                });
    }
}
