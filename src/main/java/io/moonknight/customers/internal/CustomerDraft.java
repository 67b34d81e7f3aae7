package io.moonknight.customers.internal;

import io.moonknight.customers.CustomerStatus;
import io.moonknight.customers.CustomerType;
import io.moonknight.customers.domain.AccountNumber;
import io.moonknight.shared.values.EmailAddress;
import io.moonknight.shared.values.PhoneNumber;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A customer's editable data, already parsed into value objects; {@link CustomerService} checks the rules
 * that span fields (names by type, custom fields) and raises field-named problems.
 *
 * @param accountNumber null to generate one in the tenant's format (on create only)
 * @param customFields raw values by field key, checked against the tenant's definitions
 * @param billingAddress null when it is the installation address
 */
public record CustomerDraft(
        @Nullable AccountNumber accountNumber,
        CustomerType type,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String companyName,
        List<PhoneNumber> phones,
        List<EmailAddress> emails,
        @Nullable String nationalId,
        @Nullable String taxId,
        CustomerStatus status,
        @Nullable String area,
        List<String> tags,
        @Nullable String notes,
        Map<String, String> customFields,
        Address installationAddress,
        @Nullable Address billingAddress) {

    public CustomerDraft {
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
        tags = List.copyOf(tags);
        customFields = Map.copyOf(customFields);
    }
}
