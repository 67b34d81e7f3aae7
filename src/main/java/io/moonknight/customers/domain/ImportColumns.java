package io.moonknight.customers.domain;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Suggests what each column of an uploaded CSV is, from its header: exact synonyms first, then custom fields by
 * key or label; a target is suggested for one column at most.
 */
public final class ImportColumns {

    private ImportColumns() {}

    /**
     * @param customFields custom field key to label
     * @return header to target (an {@link ImportField} name, {@code custom:<key>} or {@code IGNORE})
     */
    public static Map<String, String> suggest(List<String> headers, Map<String, String> customFields) {
        Map<String, String> mapping = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String header : headers) {
            String normal = normal(header);
            String target = "IGNORE";
            for (ImportField field : ImportField.values()) {
                if (field.synonyms().stream().map(ImportColumns::normal).anyMatch(normal::equals)
                        && !taken.contains(field.name())) {
                    target = field.name();
                    break;
                }
            }
            if (target.equals("IGNORE")) {
                for (var custom : customFields.entrySet()) {
                    String candidate = ImportField.CUSTOM_PREFIX + custom.getKey();
                    if (!taken.contains(candidate)
                            && (normal(custom.getKey()).equals(normal)
                                    || normal(custom.getValue()).equals(normal))) {
                        target = candidate;
                        break;
                    }
                }
            }
            if (!target.equals("IGNORE")) {
                taken.add(target);
            }
            mapping.put(header, target);
        }
        return mapping;
    }

    static String normal(String header) {
        return header.strip()
                .toLowerCase(Locale.ROOT)
                .replace('_', ' ')
                .replace('-', ' ')
                .replace('.', ' ')
                .replaceAll("[^a-z0-9 ]", "")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
