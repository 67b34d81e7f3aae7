package io.moonknight.customers.internal;

import io.moonknight.customers.CustomerStatus;
import io.moonknight.customers.CustomerType;
import io.moonknight.customers.domain.AccountNumber;
import io.moonknight.customers.domain.ImportField;
import io.moonknight.shared.values.EmailAddress;
import io.moonknight.shared.values.PhoneNumber;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.shared.web.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One CSV row read through the user's column mapping into a {@link CustomerDraft}, over the existing customer's
 * data when there is one (so columns that were not mapped keep their values). Every problem in the row is
 * collected, for the rejected-rows report.
 */
final class ImportRow {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> custom = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** @param mapping header to target, as chosen on the preview screen */
    ImportRow(Map<String, String> record, Map<String, String> mapping) {
        mapping.forEach((header, target) -> {
            String value = record.get(header);
            if (value == null || value.isBlank() || target.equals(ImportField.IGNORE.name())) {
                return;
            }
            if (target.startsWith(ImportField.CUSTOM_PREFIX)) {
                custom.put(target.substring(ImportField.CUSTOM_PREFIX.length()), value.strip());
            } else {
                values.put(target, value.strip());
            }
        });
    }

    @Nullable
    String accountNumber() {
        String raw = values.get(ImportField.ACCOUNT_NUMBER.name());
        if (raw == null) {
            problems.add("accountNumber: is required to recognise the customer on a re-import");
            return null;
        }
        try {
            return new AccountNumber(raw).value();
        } catch (IllegalArgumentException e) {
            problems.add("accountNumber: " + e.getMessage());
            return null;
        }
    }

    /** The row over {@code existing} (or a new customer), or null with the reasons in {@link #problems()}. */
    @Nullable
    CustomerDraft draft(@Nullable CustomerView existing) {
        String first =
                values.getOrDefault(ImportField.FIRST_NAME.name(), existing == null ? null : existing.firstName());
        String last = values.getOrDefault(ImportField.LAST_NAME.name(), existing == null ? null : existing.lastName());
        String full = values.get(ImportField.FULL_NAME.name());
        if (full != null) {
            int space = full.lastIndexOf(' ');
            first = space < 0 ? full : full.substring(0, space).strip();
            last = space < 0 ? null : full.substring(space + 1).strip();
        }
        String company =
                values.getOrDefault(ImportField.COMPANY.name(), existing == null ? null : existing.companyName());
        CustomerType type = type(values.get(ImportField.TYPE.name()), existing, first, last, company);
        List<PhoneNumber> phones = existingOr(existing == null ? null : existing.phones(), PhoneNumber::new);
        if (values.containsKey(ImportField.PHONE.name()) || values.containsKey(ImportField.PHONE_2.name())) {
            phones = new ArrayList<>();
            for (String field : List.of(ImportField.PHONE.name(), ImportField.PHONE_2.name())) {
                for (String phone : split(values.get(field))) {
                    PhoneNumber parsed = parse("phone", phone, PhoneNumber::new);
                    if (parsed != null && !phones.contains(parsed)) {
                        phones.add(parsed);
                    }
                }
            }
        }
        List<EmailAddress> emails = existingOr(existing == null ? null : existing.emails(), EmailAddress::new);
        if (values.containsKey(ImportField.EMAIL.name())) {
            emails = new ArrayList<>();
            for (String email : split(values.get(ImportField.EMAIL.name()))) {
                EmailAddress parsed = parse("email", email, EmailAddress::new);
                if (parsed != null) {
                    emails.add(parsed);
                }
            }
        }
        CustomerStatus status = status(values.get(ImportField.STATUS.name()), existing);
        List<String> tags = values.containsKey(ImportField.TAGS.name())
                ? split(values.get(ImportField.TAGS.name()))
                : existing == null ? List.of() : existing.tags();
        Address install = address(existing == null ? Address.EMPTY : existing.installationAddress());
        Map<String, String> customValues = new HashMap<>(existing == null ? Map.of() : existing.customFields());
        customValues.putAll(custom);
        if (!problems.isEmpty() || install == null) {
            return null;
        }
        var draft = new CustomerDraft(
                null,
                type,
                first,
                last,
                company,
                phones,
                emails,
                values.getOrDefault(ImportField.NATIONAL_ID.name(), existing == null ? null : existing.nationalId()),
                values.getOrDefault(ImportField.TAX_ID.name(), existing == null ? null : existing.taxId()),
                status,
                values.getOrDefault(ImportField.AREA.name(), existing == null ? null : existing.area()),
                tags,
                values.getOrDefault(ImportField.NOTES.name(), existing == null ? null : existing.notes()),
                customValues,
                install,
                existing == null || existing.billingSameAsInstallation() ? null : existing.billingAddress());
        try {
            CustomerService.checkRules(draft);
        } catch (ProblemException problem) {
            problem.fieldErrors().forEach(error -> problems.add(error.field() + ": " + error.message()));
            return null;
        }
        return draft;
    }

    void reject(ProblemException problem) {
        for (FieldError error : problem.fieldErrors()) {
            problems.add(error.field() + ": " + error.message());
        }
        if (problem.fieldErrors().isEmpty()) {
            problems.add(problem.detail());
        }
    }

    void reject(String reason) {
        problems.add(reason);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private @Nullable Address address(Address existing) {
        if (values.keySet().stream()
                .noneMatch(key -> key.startsWith("ADDRESS")
                        || List.of("CITY", "REGION", "POSTAL_CODE", "COUNTRY", "LATITUDE", "LONGITUDE")
                                .contains(key))) {
            return existing;
        }
        try {
            return new Address(
                    values.getOrDefault(ImportField.ADDRESS_LINE1.name(), existing.line1()),
                    values.getOrDefault(ImportField.ADDRESS_LINE2.name(), existing.line2()),
                    values.getOrDefault(ImportField.CITY.name(), existing.city()),
                    values.getOrDefault(ImportField.REGION.name(), existing.region()),
                    values.getOrDefault(ImportField.POSTAL_CODE.name(), existing.postalCode()),
                    values.getOrDefault(ImportField.COUNTRY.name(), existing.country()),
                    coordinate(ImportField.LATITUDE, existing.latitude()),
                    coordinate(ImportField.LONGITUDE, existing.longitude()));
        } catch (IllegalArgumentException e) {
            problems.add("address: " + e.getMessage());
            return null;
        }
    }

    private @Nullable Double coordinate(ImportField field, @Nullable Double existing) {
        String raw = values.get(field.name());
        if (raw == null) {
            return existing;
        }
        try {
            return Double.valueOf(raw.replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(field.name().toLowerCase(Locale.ROOT) + ": must be a number of degrees");
            return null;
        }
    }

    private CustomerType type(
            @Nullable String raw,
            @Nullable CustomerView existing,
            @Nullable String first,
            @Nullable String last,
            @Nullable String company) {
        if (raw != null) {
            String value = raw.toLowerCase(Locale.ROOT);
            if (List.of("business", "company", "corporate", "organisation", "organization", "b")
                    .contains(value)) {
                return CustomerType.BUSINESS;
            }
            if (List.of("individual", "person", "residential", "home", "personal", "i")
                    .contains(value)) {
                return CustomerType.INDIVIDUAL;
            }
            problems.add("type: must be individual or business, not '" + raw + "'");
        }
        if (existing != null && raw == null) {
            return existing.type();
        }
        return (first == null && last == null && company != null) ? CustomerType.BUSINESS : CustomerType.INDIVIDUAL;
    }

    private CustomerStatus status(@Nullable String raw, @Nullable CustomerView existing) {
        if (raw == null) {
            return existing == null ? CustomerStatus.ACTIVE : existing.status();
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "active", "connected", "live", "enabled" -> CustomerStatus.ACTIVE;
            case "lead", "prospect", "new", "pending" -> CustomerStatus.LEAD;
            case "suspended", "blocked", "disabled", "on hold" -> CustomerStatus.SUSPENDED;
            case "former", "inactive", "terminated", "cancelled", "canceled", "closed" -> CustomerStatus.FORMER;
            default -> {
                problems.add("status: must be active, lead, suspended or former, not '" + raw + "'");
                yield CustomerStatus.ACTIVE;
            }
        };
    }

    private <T> @Nullable T parse(String field, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(field + ": '" + value + "' " + e.getMessage());
            return null;
        }
    }

    private static <T> List<T> existingOr(@Nullable List<String> existing, Function<String, T> parser) {
        return existing == null
                ? new ArrayList<>()
                : new ArrayList<>(existing.stream().map(parser).toList());
    }

    private static List<String> split(@Nullable String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("[;|]"))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
    }
}
