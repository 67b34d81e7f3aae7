package io.moonknight.customers.internal;

import io.moonknight.customers.CustomerStatus;
import io.moonknight.customers.CustomerSummary;
import io.moonknight.customers.CustomerType;
import io.moonknight.customers.domain.SearchText;
import io.moonknight.shared.audit.NotAudited;
import io.moonknight.shared.tenant.TenantOwned;
import io.moonknight.shared.values.EmailAddress;
import io.moonknight.shared.values.PhoneNumber;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

@Entity
@Table(schema = "customers", name = "customers")
class Customer extends TenantOwned<Customer> {

    @Id
    private UUID id;

    private String accountNumber;

    @Enumerated(EnumType.STRING)
    private CustomerType type;

    private @Nullable String firstName;
    private @Nullable String lastName;
    private @Nullable String companyName;
    private String displayName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> phones = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> emails = new ArrayList<>();

    private @Nullable String nationalId;
    private @Nullable String taxId;

    @Enumerated(EnumType.STRING)
    private CustomerStatus status;

    private @Nullable String area;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> tags = new ArrayList<>();

    private @Nullable String notes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, String> customFields = new TreeMap<>();

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "line1", column = @Column(name = "install_line1")),
        @AttributeOverride(name = "line2", column = @Column(name = "install_line2")),
        @AttributeOverride(name = "city", column = @Column(name = "install_city")),
        @AttributeOverride(name = "region", column = @Column(name = "install_region")),
        @AttributeOverride(name = "postalCode", column = @Column(name = "install_postal_code")),
        @AttributeOverride(name = "country", column = @Column(name = "install_country")),
        @AttributeOverride(name = "latitude", column = @Column(name = "install_latitude")),
        @AttributeOverride(name = "longitude", column = @Column(name = "install_longitude"))
    })
    private @Nullable Address installationAddress;

    private boolean billingSame;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "line1", column = @Column(name = "billing_line1")),
        @AttributeOverride(name = "line2", column = @Column(name = "billing_line2")),
        @AttributeOverride(name = "city", column = @Column(name = "billing_city")),
        @AttributeOverride(name = "region", column = @Column(name = "billing_region")),
        @AttributeOverride(name = "postalCode", column = @Column(name = "billing_postal_code")),
        @AttributeOverride(name = "country", column = @Column(name = "billing_country")),
        @AttributeOverride(name = "latitude", column = @Column(name = "billing_latitude")),
        @AttributeOverride(name = "longitude", column = @Column(name = "billing_longitude"))
    })
    private @Nullable Address billingAddress;

    @NotAudited
    private String searchText;

    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Customer() {}

    Customer(UUID id, String accountNumber, CustomerDraft draft, Map<String, String> customFields, Instant now) {
        this.id = id;
        this.accountNumber = accountNumber;
        this.createdAt = now;
        apply(draft, customFields, now);
    }

    void apply(CustomerDraft draft, Map<String, String> checkedCustomFields, Instant now) {
        this.type = draft.type();
        this.firstName = draft.firstName();
        this.lastName = draft.lastName();
        this.companyName = draft.companyName();
        this.displayName = displayNameOf(draft.type(), draft.firstName(), draft.lastName(), draft.companyName());
        this.phones = new ArrayList<>(
                draft.phones().stream().map(PhoneNumber::value).distinct().toList());
        this.emails = new ArrayList<>(
                draft.emails().stream().map(EmailAddress::value).distinct().toList());
        this.nationalId = draft.nationalId();
        this.taxId = draft.taxId();
        this.status = draft.status();
        this.area = draft.area();
        this.tags = new ArrayList<>(draft.tags());
        this.notes = draft.notes();
        this.customFields = new TreeMap<>(checkedCustomFields);
        this.installationAddress = draft.installationAddress().isEmpty() ? null : draft.installationAddress();
        this.billingSame = draft.billingAddress() == null;
        Address billing = draft.billingAddress();
        this.billingAddress = billing == null || billing.isEmpty() ? null : billing;
        this.updatedAt = now;
        this.searchText = searchTextOf();
    }

    /** A lead whose service has started is an active customer; any other status is left as staff set it. */
    boolean startService(Instant now) {
        if (status != CustomerStatus.LEAD) {
            return false;
        }
        status = CustomerStatus.ACTIVE;
        updatedAt = now;
        return true;
    }

    static String displayNameOf(
            CustomerType type, @Nullable String first, @Nullable String last, @Nullable String company) {
        String person = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        if (type == CustomerType.BUSINESS && company != null) {
            return company;
        }
        return person.isEmpty() && company != null ? company : person;
    }

    private String searchTextOf() {
        List<@Nullable String> parts = new ArrayList<>();
        parts.add(accountNumber);
        parts.add(displayName);
        parts.add(firstName);
        parts.add(lastName);
        parts.add(companyName);
        phones.forEach(phone -> parts.addAll(SearchText.phoneForms(phone)));
        parts.addAll(emails);
        parts.add(nationalId);
        parts.add(taxId);
        parts.add(area);
        parts.addAll(tags);
        Address install = installation();
        parts.add(install.line1());
        parts.add(install.line2());
        parts.add(install.city());
        parts.add(install.postalCode());
        return SearchText.of(parts);
    }

    /** The fields people care about, for the service-history "what changed" entry. */
    Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", displayName);
        fields.put("type", type.name());
        fields.put("phones", String.join(", ", phones));
        fields.put("emails", String.join(", ", emails));
        fields.put("national id", String.valueOf(nationalId));
        fields.put("tax id", String.valueOf(taxId));
        fields.put("status", status.name());
        fields.put("area", String.valueOf(area));
        fields.put("tags", String.join(", ", tags));
        fields.put("installation address", installation().oneLine());
        Address pin = installation();
        fields.put("map pin", pin.pin() == null ? "none" : pin.latitude() + ", " + pin.longitude());
        fields.put(
                "billing address",
                billingSame ? "same as installation" : billing().oneLine());
        customFields.forEach((key, value) -> fields.put(key, value));
        fields.put("notes", String.valueOf(notes));
        return fields;
    }

    Address installation() {
        return installationAddress == null ? Address.EMPTY : installationAddress;
    }

    Address billing() {
        if (billingSame) {
            return installation();
        }
        return billingAddress == null ? Address.EMPTY : billingAddress;
    }

    CustomerView view() {
        return new CustomerView(
                id,
                accountNumber,
                type,
                firstName,
                lastName,
                companyName,
                displayName,
                List.copyOf(phones),
                List.copyOf(emails),
                nationalId,
                taxId,
                status,
                area,
                List.copyOf(tags),
                notes,
                Map.copyOf(customFields),
                installation(),
                billingSame,
                billing(),
                createdAt,
                updatedAt);
    }

    CustomerSummary summary() {
        return new CustomerSummary(
                id,
                accountNumber,
                displayName,
                status,
                area,
                phones.isEmpty() ? null : phones.getFirst(),
                emails.isEmpty() ? null : emails.getFirst(),
                installation().line1(),
                installation().line2(),
                installation().city(),
                installation().latitude(),
                installation().longitude());
    }

    /** Every column's value, for the bulk import's batched SQL (which bypasses JPA for speed). */
    Map<String, @Nullable Object> columns(UUID tenant, String customFieldsJson) {
        Map<String, @Nullable Object> columns = new LinkedHashMap<>();
        columns.put("id", id);
        columns.put("tenant_id", tenant);
        columns.put("account_number", accountNumber);
        columns.put("type", type.name());
        columns.put("first_name", firstName);
        columns.put("last_name", lastName);
        columns.put("company_name", companyName);
        columns.put("display_name", displayName);
        columns.put("phones", phones.toArray(String[]::new));
        columns.put("emails", emails.toArray(String[]::new));
        columns.put("national_id", nationalId);
        columns.put("tax_id", taxId);
        columns.put("status", status.name());
        columns.put("area", area);
        columns.put("tags", tags.toArray(String[]::new));
        columns.put("notes", notes);
        columns.put("custom_fields", customFieldsJson);
        putAddress(columns, "install_", installationAddress);
        columns.put("billing_same", billingSame);
        putAddress(columns, "billing_", billingAddress);
        columns.put("search_text", searchText);
        columns.put("created_at", java.sql.Timestamp.from(createdAt));
        columns.put("updated_at", java.sql.Timestamp.from(updatedAt));
        return columns;
    }

    private static void putAddress(Map<String, @Nullable Object> columns, String prefix, @Nullable Address address) {
        Address a = address == null ? Address.EMPTY : address;
        columns.put(prefix + "line1", a.line1());
        columns.put(prefix + "line2", a.line2());
        columns.put(prefix + "city", a.city());
        columns.put(prefix + "region", a.region());
        columns.put(prefix + "postal_code", a.postalCode());
        columns.put(prefix + "country", a.country());
        columns.put(prefix + "latitude", a.latitude());
        columns.put(prefix + "longitude", a.longitude());
    }

    Map<String, String> customFieldValues() {
        return Map.copyOf(customFields);
    }

    UUID id() {
        return id;
    }

    String accountNumber() {
        return accountNumber;
    }

    String displayName() {
        return displayName;
    }
}
