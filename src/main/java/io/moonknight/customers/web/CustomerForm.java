package io.moonknight.customers.web;

import io.moonknight.customers.CustomerStatus;
import io.moonknight.customers.CustomerType;
import io.moonknight.customers.internal.Address;
import io.moonknight.customers.internal.CustomerView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The console's customer form, as typed; turned into a request and then a draft by the controller. */
public class CustomerForm {

    private String accountNumber = "";
    private CustomerType type = CustomerType.INDIVIDUAL;
    private String firstName = "";
    private String lastName = "";
    private String companyName = "";
    private String phone1 = "";
    private String phone2 = "";
    private String email1 = "";
    private String email2 = "";
    private String nationalId = "";
    private String taxId = "";
    private CustomerStatus status = CustomerStatus.LEAD;
    private String area = "";
    private String tags = "";
    private String notes = "";
    private Map<String, String> customFields = new HashMap<>();
    private AddressForm install = new AddressForm();
    private boolean billingSame = true;
    private AddressForm billing = new AddressForm();

    /** An address as typed; the pin as two text inputs the map fills. */
    public static class AddressForm {
        private String line1 = "";
        private String line2 = "";
        private String city = "";
        private String region = "";
        private String postalCode = "";
        private String country = "";
        private String latitude = "";
        private String longitude = "";

        static AddressForm of(Address address) {
            var form = new AddressForm();
            form.line1 = text(address.line1());
            form.line2 = text(address.line2());
            form.city = text(address.city());
            form.region = text(address.region());
            form.postalCode = text(address.postalCode());
            form.country = text(address.country());
            form.latitude = address.latitude() == null ? "" : address.latitude().toString();
            form.longitude =
                    address.longitude() == null ? "" : address.longitude().toString();
            return form;
        }

        CustomerRequests.AddressRequest request() {
            return new CustomerRequests.AddressRequest(
                    line1, line2, city, region, postalCode, country, number(latitude), number(longitude));
        }

        private static @Nullable Double number(String value) {
            if (value.isBlank()) {
                return null;
            }
            try {
                return Double.valueOf(value.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        public String getLine1() {
            return line1;
        }

        public void setLine1(String line1) {
            this.line1 = line1;
        }

        public String getLine2() {
            return line2;
        }

        public void setLine2(String line2) {
            this.line2 = line2;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public String getRegion() {
            return region;
        }

        public void setRegion(String region) {
            this.region = region;
        }

        public String getPostalCode() {
            return postalCode;
        }

        public void setPostalCode(String postalCode) {
            this.postalCode = postalCode;
        }

        public String getCountry() {
            return country;
        }

        public void setCountry(String country) {
            this.country = country;
        }

        public String getLatitude() {
            return latitude;
        }

        public void setLatitude(String latitude) {
            this.latitude = latitude;
        }

        public String getLongitude() {
            return longitude;
        }

        public void setLongitude(String longitude) {
            this.longitude = longitude;
        }
    }

    static CustomerForm of(CustomerView customer) {
        var form = new CustomerForm();
        form.accountNumber = customer.accountNumber();
        form.type = customer.type();
        form.firstName = text(customer.firstName());
        form.lastName = text(customer.lastName());
        form.companyName = text(customer.companyName());
        form.phone1 = customer.phones().isEmpty() ? "" : customer.phones().get(0);
        form.phone2 = customer.phones().size() < 2 ? "" : customer.phones().get(1);
        form.email1 = customer.emails().isEmpty() ? "" : customer.emails().get(0);
        form.email2 = customer.emails().size() < 2 ? "" : customer.emails().get(1);
        form.nationalId = text(customer.nationalId());
        form.taxId = text(customer.taxId());
        form.status = customer.status();
        form.area = text(customer.area());
        form.tags = String.join(", ", customer.tags());
        form.notes = text(customer.notes());
        form.customFields = new HashMap<>(customer.customFields());
        form.install = AddressForm.of(customer.installationAddress());
        form.billingSame = customer.billingSameAsInstallation();
        form.billing = AddressForm.of(customer.billingAddress());
        return form;
    }

    CustomerRequests.CustomerRequest request() {
        List<String> tagList = new ArrayList<>();
        for (String tag : tags.split(",", -1)) {
            if (!tag.isBlank()) {
                tagList.add(tag.strip());
            }
        }
        return new CustomerRequests.CustomerRequest(
                accountNumber,
                type,
                firstName,
                lastName,
                companyName,
                List.of(phone1, phone2),
                List.of(email1, email2),
                nationalId,
                taxId,
                status,
                area,
                tagList,
                notes,
                customFields,
                install.request(),
                billingSame ? null : billing.request());
    }

    /** The form field that shows an API field's error. */
    static String formField(String apiField) {
        return switch (apiField) {
            case "phones", "phones[0]" -> "phone1";
            case "phones[1]" -> "phone2";
            case "emails", "emails[0]" -> "email1";
            case "emails[1]" -> "email2";
            case "installationAddress" -> "install.line1";
            case "billingAddress" -> "billing.line1";
            default ->
                apiField.startsWith("customFields.")
                        ? "customFields[" + apiField.substring("customFields.".length()) + "]"
                        : apiField;
        };
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public void setAccountNumber(String accountNumber) {
        this.accountNumber = accountNumber;
    }

    public CustomerType getType() {
        return type;
    }

    public void setType(CustomerType type) {
        this.type = type;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public String getPhone1() {
        return phone1;
    }

    public void setPhone1(String phone1) {
        this.phone1 = phone1;
    }

    public String getPhone2() {
        return phone2;
    }

    public void setPhone2(String phone2) {
        this.phone2 = phone2;
    }

    public String getEmail1() {
        return email1;
    }

    public void setEmail1(String email1) {
        this.email1 = email1;
    }

    public String getEmail2() {
        return email2;
    }

    public void setEmail2(String email2) {
        this.email2 = email2;
    }

    public String getNationalId() {
        return nationalId;
    }

    public void setNationalId(String nationalId) {
        this.nationalId = nationalId;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public CustomerStatus getStatus() {
        return status;
    }

    public void setStatus(CustomerStatus status) {
        this.status = status;
    }

    public String getArea() {
        return area;
    }

    public void setArea(String area) {
        this.area = area;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public Map<String, String> getCustomFields() {
        return customFields;
    }

    public void setCustomFields(Map<String, String> customFields) {
        this.customFields = customFields;
    }

    public AddressForm getInstall() {
        return install;
    }

    public void setInstall(AddressForm install) {
        this.install = install;
    }

    public boolean isBillingSame() {
        return billingSame;
    }

    public void setBillingSame(boolean billingSame) {
        this.billingSame = billingSame;
    }

    public AddressForm getBilling() {
        return billing;
    }

    public void setBilling(AddressForm billing) {
        this.billing = billing;
    }
}
