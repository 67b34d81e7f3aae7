package io.moonknight.shared.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A console form as typed: the raw values (to show them again), the errors per field and the form-level
 * errors. Controllers read typed values from it ({@link #integer}, {@link #uuid}, ...; a value that does not
 * parse becomes an error on its field), build a use case's draft, and on a {@link ProblemException} call
 * {@link #reject} and render the form again. Templates use {@code form.get(name)}, {@code form.has(name)} and
 * {@code form.error(name)} (see the {@code formInput}, {@code formSelect}, {@code formTextarea} and {@code formCheck} fragments).
 */
public final class FormValues {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> globalErrors = new ArrayList<>();

    private FormValues() {}

    public static FormValues empty() {
        return new FormValues();
    }

    public static FormValues of(MultiValueMap<String, String> params) {
        var form = new FormValues();
        params.forEach((name, list) -> {
            if (!name.startsWith("_") && list != null && !list.isEmpty()) {
                form.values.put(
                        name,
                        String.join(",", list.stream().filter(v -> v != null).toList()));
            }
        });
        return form;
    }

    /**
     * An edit form filled from the record being edited: each component under its own name (so a view whose
     * components are named like the form's inputs fills it whole), a list one entry per line, null empty. Fields
     * that differ are {@link #put} afterwards.
     */
    public static FormValues from(Record record) {
        var form = new FormValues();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
            form.put(
                    component.getName(),
                    value instanceof Collection<?> list
                            ? String.join(
                                    "\n", list.stream().map(String::valueOf).toList())
                            : value);
        }
        return form;
    }

    /** Fills a field (for an edit form); null becomes empty. */
    public FormValues put(String name, @Nullable Object value) {
        values.put(name, value == null ? "" : value.toString());
        return this;
    }

    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean has(String name) {
        return errors.containsKey(name);
    }

    public String error(String name) {
        return errors.getOrDefault(name, "");
    }

    public List<String> globalErrors() {
        return globalErrors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || !globalErrors.isEmpty();
    }

    /** The stripped text, or null when blank. */
    public @Nullable String text(String name) {
        String value = get(name).strip();
        return value.isEmpty() ? null : value;
    }

    /** The stripped text, empty when blank (for required fields the draft checks). */
    public String string(String name) {
        return get(name).strip();
    }

    public boolean checked(String name) {
        String value = get(name);
        return value.equals("on") || value.equals("true") || value.startsWith("true,");
    }

    public @Nullable Integer integer(String name) {
        Long value = longValue(name);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            errors.putIfAbsent(name, "is too large");
            return null;
        }
        return value == null ? null : value.intValue();
    }

    public @Nullable Long longValue(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            errors.putIfAbsent(name, "enter a whole number");
            return null;
        }
    }

    public @Nullable BigDecimal decimal(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", ""));
        } catch (NumberFormatException e) {
            errors.putIfAbsent(name, "enter a number such as 25.00");
            return null;
        }
    }

    public @Nullable Double number(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            errors.putIfAbsent(name, "enter a number");
            return null;
        }
    }

    public @Nullable UUID uuid(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.putIfAbsent(name, "choose one of the options");
            return null;
        }
    }

    public @Nullable LocalDate date(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.putIfAbsent(name, "enter a date as YYYY-MM-DD");
            return null;
        }
    }

    /**
     * The value read by a value object's parser ({@code Username::parse}, {@code EmailAddress::new}, ...), which
     * throws {@link IllegalArgumentException} for what it refuses (blank, too long, malformed); its message becomes
     * the field's error and the result null. Read every field first, then {@link #check}: the form shows all its
     * errors at once.
     */
    public <T> @Nullable T parsed(String name, Function<String, T> parser) {
        try {
            return Fields.parse(name, get(name), parser);
        } catch (ProblemException problem) {
            errors.putIfAbsent(name, problem.summary());
            return null;
        }
    }

    /** The ids ticked in a group of checkboxes sharing one name; a value that is not an id is an error on it. */
    public Set<UUID> uuids(String name) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : list(name)) {
            try {
                ids.add(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                errors.putIfAbsent(name, "choose among the options shown");
            }
        }
        return ids;
    }

    public <E extends Enum<E>> @Nullable E choice(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.putIfAbsent(name, "choose one of the options");
            return null;
        }
    }

    /** Non-blank entries of a list typed one per line or separated by commas. */
    public List<String> list(String name) {
        return Arrays.stream(get(name).split("[,\\n\\r]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Enum constants as select options (value to label), labelled in sentence case. */
    public static Map<String, String> options(Enum<?>[] constants) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Enum<?> constant : constants) {
            String words = constant.name().replace('_', ' ').toLowerCase(Locale.ROOT);
            options.put(constant.name(), Character.toUpperCase(words.charAt(0)) + words.substring(1));
        }
        return options;
    }

    /** Adds an error on a field (the first error a field gets is the one shown). */
    public void reject(String name, String message) {
        errors.putIfAbsent(name, message);
    }

    /** Throws the parse errors collected so far as one 400 problem. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors.entrySet().stream()
                    .map(e -> new ProblemException.FieldError(e.getKey(), e.getValue()))
                    .toList());
        }
    }

    /** Shows a problem on the form: field errors on their fields, anything else at the top. */
    public void reject(ProblemException problem) {
        reject(problem, UnaryOperator.identity());
    }

    /**
     * As {@link #reject(ProblemException)}, with {@code fieldName} mapping a problem's field (e.g.
     * {@code downloadBurst.rateKbps}) to the form's input name; a field the form does not show becomes a
     * form-level error.
     */
    public void reject(ProblemException problem, UnaryOperator<String> fieldName) {
        if (problem.fieldErrors().isEmpty()) {
            globalErrors.add(problem.detail());
            return;
        }
        for (var error : problem.fieldErrors()) {
            String field = fieldName.apply(error.field());
            if (values.containsKey(field)) {
                errors.putIfAbsent(field, error.message());
            } else {
                globalErrors.add(error.field() + ": " + error.message());
            }
        }
    }

    /** Where a saved form goes, and what the flash message says. */
    public record Saved(String flash, String redirectTo) {}

    /**
     * Submits this form: {@code save} stores it and says where to go; when it refuses with a problem, the problem's
     * fields are marked (named as {@code fieldName} maps them) and {@code again} shows the form once more. Console
     * pages call this through {@link ConsoleForm#submit}.
     */
    public String submit(
            RedirectAttributes redirect,
            UnaryOperator<String> fieldName,
            Supplier<Saved> save,
            Supplier<String> again) {
        try {
            Saved saved = save.get();
            redirect.addFlashAttribute("flash", saved.flash());
            return "redirect:" + saved.redirectTo();
        } catch (ProblemException problem) {
            reject(problem, fieldName);
            return again.get();
        }
    }
}
