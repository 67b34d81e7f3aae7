package io.moonknight.customers.web;

import io.moonknight.customers.CustomerStatus;
import io.moonknight.customers.CustomerType;
import io.moonknight.customers.domain.AccountNumber;
import io.moonknight.customers.internal.Address;
import io.moonknight.customers.internal.CustomerDraft;
import io.moonknight.shared.values.EmailAddress;
import io.moonknight.shared.values.PhoneNumber;
import io.moonknight.shared.web.Fields;
import io.moonknight.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Request bodies of the customer endpoints, and their translation into validated drafts. */
final class CustomerRequests {

    private CustomerRequests() {}

    record AddressRequest(
            @Schema(example = "12 Road 5") @Nullable @Size(max = 200)
            String line1,

            @Schema(example = "Flat 3B") @Nullable @Size(max = 200)
            String line2,

            @Schema(example = "Dhaka") @Nullable @Size(max = 100)
            String city,

            @Schema(example = "Dhanmondi") @Nullable @Size(max = 100)
            String region,

            @Schema(example = "1209") @Nullable @Size(max = 20)
            String postalCode,

            @Schema(example = "Bangladesh") @Nullable @Size(max = 60)
            String country,

            @Schema(example = "23.7465") @Nullable Double latitude,
            @Schema(example = "90.376") @Nullable Double longitude) {

        Address address(String field) {
            try {
                return new Address(line1, line2, city, region, postalCode, country, latitude, longitude);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField(field, String.valueOf(e.getMessage()));
            }
        }
    }

    record CustomerRequest(
            @Schema(
                    example = "C-000123",
                    description = "Only on create; generated in the tenant's format when left out")
            @Nullable
            @Size(max = 40)
            String accountNumber,

            @Schema(example = "INDIVIDUAL") @NotNull CustomerType type,

            @Schema(example = "Nadia") @Nullable @Size(max = 80)
            String firstName,

            @Schema(example = "Rahman") @Nullable @Size(max = 80)
            String lastName,

            @Schema(example = "Rahman Traders") @Nullable @Size(max = 160)
            String companyName,

            @Schema(example = "[\"+880 1711-123456\"]") @Nullable @Size(max = 5)
            List<@NotNull @Size(max = 30) String> phones,

            @Schema(example = "[\"nadia@example.com\"]") @Nullable @Size(max = 5)
            List<@NotNull @Size(max = 254) String> emails,

            @Schema(example = "1990123456789") @Nullable @Size(max = 40)
            String nationalId,

            @Nullable @Size(max = 40) String taxId,

            @Schema(example = "LEAD", description = "Defaults to LEAD") @Nullable
            CustomerStatus status,

            @Schema(example = "Dhanmondi") @Nullable @Size(max = 80)
            String area,

            @Schema(example = "[\"vip\"]") @Nullable @Size(max = 20)
            List<@NotNull @Size(max = 40) String> tags,

            @Nullable @Size(max = 4000) String notes,

            @Schema(example = "{}") @Nullable @Size(max = 50)
            Map<String, @Size(max = 500) String> customFields,

            @Nullable @Valid AddressRequest installationAddress,

            @Schema(description = "Leave out when billing goes to the installation address") @Nullable @Valid
            AddressRequest billingAddress) {

        CustomerDraft draft() {
            return new CustomerDraft(
                    accountNumber == null || accountNumber.isBlank()
                            ? null
                            : Fields.parse("accountNumber", accountNumber, AccountNumber::new),
                    type,
                    blankToNull(firstName),
                    blankToNull(lastName),
                    blankToNull(companyName),
                    parseAll("phones", phones, PhoneNumber::new),
                    parseAll("emails", emails, EmailAddress::new),
                    blankToNull(nationalId),
                    blankToNull(taxId),
                    Objects.requireNonNullElse(status, CustomerStatus.LEAD),
                    blankToNull(area),
                    tags == null
                            ? List.of()
                            : tags.stream()
                                    .map(String::strip)
                                    .filter(t -> !t.isEmpty())
                                    .distinct()
                                    .toList(),
                    blankToNull(notes),
                    customFields == null ? Map.of() : customFields,
                    installationAddress == null ? Address.EMPTY : installationAddress.address("installationAddress"),
                    billingAddress == null ? null : billingAddress.address("billingAddress"));
        }
    }

    record ReasonRequest(
            @Schema(example = "Image is blurred; please upload again") @NotBlank @Size(max = 500)
            String reason) {}

    static <T> List<T> parseAll(
            String field, @Nullable List<String> values, java.util.function.Function<String, T> parser) {
        if (values == null) {
            return List.of();
        }
        List<T> parsed = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value != null && !value.isBlank()) {
                parsed.add(Fields.parse(field + "[" + i + "]", value, parser));
            }
        }
        return parsed;
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
