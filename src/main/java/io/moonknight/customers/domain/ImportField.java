package io.moonknight.customers.domain;

import java.util.List;

/** What a CSV column can be imported as, and the header names that suggest it. */
public enum ImportField {
    ACCOUNT_NUMBER(
            "Account number",
            List.of(
                    "account number",
                    "account",
                    "account no",
                    "acc no",
                    "customer id",
                    "customer no",
                    "client id",
                    "code",
                    "id")),
    FULL_NAME(
            "Full name (split into first and last)",
            List.of("name", "full name", "customer name", "client name", "subscriber")),
    FIRST_NAME("First name", List.of("first name", "firstname", "given name", "forename")),
    LAST_NAME("Last name", List.of("last name", "lastname", "surname", "family name")),
    COMPANY("Company", List.of("company", "company name", "business", "organisation", "organization", "firm")),
    TYPE("Type (individual / business)", List.of("type", "customer type", "category")),
    PHONE(
            "Phone",
            List.of("phone", "mobile", "cell", "phone number", "mobile number", "contact", "telephone", "msisdn")),
    PHONE_2("Second phone", List.of("phone 2", "alternate phone", "alt phone", "secondary phone", "mobile 2")),
    EMAIL("Email", List.of("email", "e-mail", "email address", "mail")),
    NATIONAL_ID("National ID", List.of("national id", "nid", "id number", "identity number", "passport", "cnic")),
    TAX_ID("Tax ID", List.of("tax id", "tin", "vat", "vat number", "gst")),
    STATUS("Status", List.of("status", "state", "account status")),
    AREA("Area / zone", List.of("area", "zone", "pop", "sector", "locality")),
    TAGS("Tags (separated by ;)", List.of("tags", "labels", "groups")),
    NOTES("Notes", List.of("notes", "note", "comments", "remarks")),
    ADDRESS_LINE1(
            "Address", List.of("address", "address line 1", "address1", "street", "house", "installation address")),
    ADDRESS_LINE2("Address line 2", List.of("address line 2", "address2", "apartment", "flat")),
    CITY("City", List.of("city", "town")),
    REGION("Region / state", List.of("region", "state", "province", "division", "district")),
    POSTAL_CODE("Postal code", List.of("postal code", "postcode", "zip", "zip code", "post code")),
    COUNTRY("Country", List.of("country")),
    LATITUDE("Latitude", List.of("latitude", "lat")),
    LONGITUDE("Longitude", List.of("longitude", "lng", "lon", "long")),
    IGNORE("Do not import", List.of());

    public static final String CUSTOM_PREFIX = "custom:";

    private final String label;

    @SuppressWarnings("ImmutableEnumChecker") // List.of(...) is immutable
    private final List<String> synonyms;

    ImportField(String label, List<String> synonyms) {
        this.label = label;
        this.synonyms = synonyms;
    }

    public String label() {
        return label;
    }

    List<String> synonyms() {
        return synonyms;
    }
}
