package io.moonknight.customers.internal;

import io.moonknight.customers.domain.CustomFieldRule;
import io.moonknight.customers.domain.CustomFieldType;
import io.moonknight.shared.web.ProblemException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's custom customer fields, and the check of a profile's values against them. */
@Service
public class CustomFieldService {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{1,39}");

    private final CustomFieldRepository fields;
    private final Clock clock;

    CustomFieldService(CustomFieldRepository fields, Clock clock) {
        this.fields = fields;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CustomFieldView> list() {
        return fields.findAllByOrderByPositionAscLabelAsc().stream()
                .map(CustomField::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<CustomFieldView> active() {
        return list().stream().filter(CustomFieldView::active).toList();
    }

    @Transactional
    public CustomFieldView create(
            String key, String label, CustomFieldType type, boolean required, List<String> choices, int position) {
        String normalised = key.strip().toLowerCase(java.util.Locale.ROOT);
        if (!KEY.matcher(normalised).matches()) {
            throw ProblemException.invalidField(
                    "key", "must be 2-40 lowercase letters, digits or '_', starting with a letter");
        }
        if (fields.findByKey(normalised).isPresent()) {
            throw ProblemException.conflict(
                            "custom-field-exists", "A field with the key '" + normalised + "' already exists")
                    .with("field", "key");
        }
        return fields.save(new CustomField(
                        normalised, rule(normalised, label, type, required, choices), position, clock.instant()))
                .view();
    }

    @Transactional
    public CustomFieldView update(
            UUID id, String label, CustomFieldType type, boolean required, List<String> choices, int position) {
        CustomField field = fields.findById(id).orElseThrow(() -> ProblemException.notFound("Custom field", id));
        field.redefine(rule(field.key(), label, type, required, choices), position, clock.instant());
        return fields.save(field).view();
    }

    /** Retired fields disappear from forms; values already stored stay on the profiles. */
    @Transactional
    public CustomFieldView retire(UUID id) {
        CustomField field = fields.findById(id).orElseThrow(() -> ProblemException.notFound("Custom field", id));
        field.retire(clock.instant());
        return fields.save(field).view();
    }

    /**
     * Checks a profile's custom values: required fields present, each value of its type, no unknown keys.
     * Values of retired fields are kept as they were.
     */
    @Transactional(readOnly = true)
    public Map<String, String> check(Map<String, String> raw, Map<String, String> existing) {
        return checker().check(raw, existing);
    }

    /** The tenant's field definitions, loaded once, for checking many profiles (imports). */
    @Transactional(readOnly = true)
    public Checker checker() {
        return new Checker(fields.findAllByOrderByPositionAscLabelAsc().stream()
                .map(field -> new Definition(field.rule(), field.active()))
                .toList());
    }

    record Definition(CustomFieldRule rule, boolean active) {}

    /** Checks custom values against a fixed set of definitions. */
    public static final class Checker {

        private final List<Definition> definitions;

        Checker(List<Definition> definitions) {
            this.definitions = List.copyOf(definitions);
        }

        public Map<String, String> check(Map<String, String> raw, Map<String, String> existing) {
            Map<String, String> checked = new LinkedHashMap<>();
            List<ProblemException.FieldError> errors = new ArrayList<>();
            for (Definition definition : definitions) {
                String key = definition.rule().key();
                if (!definition.active()) {
                    String kept = existing.get(key);
                    if (kept != null) {
                        checked.put(key, kept);
                    }
                    continue;
                }
                try {
                    definition.rule().check(raw.get(key)).ifPresent(value -> checked.put(key, value));
                } catch (IllegalArgumentException e) {
                    errors.add(new ProblemException.FieldError("customFields." + key, String.valueOf(e.getMessage())));
                }
            }
            for (String key : raw.keySet()) {
                if (definitions.stream()
                        .noneMatch(definition -> definition.rule().key().equals(key))) {
                    errors.add(new ProblemException.FieldError(
                            "customFields." + key, "is not a field of this tenant's customers"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalidFields(errors);
            }
            return checked;
        }
    }

    private static CustomFieldRule rule(
            String key, String label, CustomFieldType type, boolean required, List<String> choices) {
        String trimmed = label.strip();
        if (trimmed.isEmpty() || trimmed.length() > 60) {
            throw ProblemException.invalidField("label", "must be 1-60 characters");
        }
        List<String> cleanChoices = choices.stream()
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .distinct()
                .toList();
        if (cleanChoices.size() > 50 || cleanChoices.stream().anyMatch(c -> c.length() > 60)) {
            throw ProblemException.invalidField("choices", "at most 50 choices of at most 60 characters");
        }
        try {
            return new CustomFieldRule(
                    key, trimmed, type, required, type == CustomFieldType.CHOICE ? cleanChoices : List.of());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("choices", String.valueOf(e.getMessage()));
        }
    }
}
