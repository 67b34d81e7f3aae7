package io.moonknight.customers.internal;

import io.moonknight.customers.CustomerStatus;
import io.moonknight.customers.CustomerType;
import io.moonknight.customers.domain.CustomFieldType;
import io.moonknight.shared.demo.DemoDataContributor;
import io.moonknight.shared.demo.DemoTenant;
import io.moonknight.shared.values.EmailAddress;
import io.moonknight.shared.values.PhoneNumber;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * A few hundred customers spread over five areas of a city, with pins, tags, custom fields and some identity
 * documents waiting for review. Seeded randomness keeps the demo the same on every machine.
 */
@Component
class CustomerDemoData implements DemoDataContributor {

    static final int CUSTOMERS = 320;

    private record Area(String name, double latitude, double longitude, String postalCode) {}

    private static final List<Area> AREAS = List.of(
            new Area("Dhanmondi", 23.7465, 90.3760, "1209"),
            new Area("Gulshan", 23.7925, 90.4078, "1212"),
            new Area("Mirpur", 23.8223, 90.3654, "1216"),
            new Area("Uttara", 23.8759, 90.3795, "1230"),
            new Area("Mohammadpur", 23.7662, 90.3589, "1207"));
    private static final List<String> FIRST = List.of(
            "Nadia", "Rafiq", "Sadia", "Tanvir", "Farhana", "Imran", "Ayesha", "Kamal", "Nusrat", "Arif", "Shirin",
            "Hasan", "Mitu", "Jamal", "Rumana", "Sabbir", "Lamia", "Faisal", "Tahmina", "Rashed", "Priya", "Anik",
            "Moumita", "Sajid", "Elena", "Omar", "Grace", "Daniel", "Amina", "Victor");
    private static final List<String> LAST = List.of(
            "Rahman",
            "Hossain",
            "Ahmed",
            "Islam",
            "Chowdhury",
            "Khan",
            "Akter",
            "Das",
            "Sarkar",
            "Begum",
            "Talukder",
            "Siddiqui",
            "Karim",
            "Bhuiyan",
            "Roy",
            "Haque",
            "Mahmud",
            "Uddin",
            "Banerjee",
            "Okafor",
            "Mendes",
            "Kim");
    private static final List<String> COMPANIES = List.of(
            "Lakeview Pharmacy",
            "Green Leaf Cafe",
            "Sunrise Clinic",
            "Delta Traders",
            "Padma Textiles",
            "Orbit Coaching Centre",
            "City Dental Care",
            "Nexus Software",
            "Metro Hardware",
            "Blue Bay Restaurant");
    private static final List<String> ROADS = List.of("Road", "Lane", "Avenue", "Sector");

    private final CustomerService customers;
    private final CustomFieldService customFields;
    private final DocumentService documents;
    private final DocumentTypeService documentTypes;
    private final ImportService imports;

    CustomerDemoData(
            CustomerService customers,
            CustomFieldService customFields,
            DocumentService documents,
            DocumentTypeService documentTypes,
            ImportService imports) {
        this.customers = customers;
        this.customFields = customFields;
        this.documents = documents;
        this.documentTypes = documentTypes;
        this.imports = imports;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void contribute(DemoTenant demo) {
        customFields.create(
                "connection", "Connection", CustomFieldType.CHOICE, false, List.of("Fibre", "Wireless", "Cable"), 0);
        customFields.create("installed_on", "Installed on", CustomFieldType.DATE, false, List.of(), 1);
        documentTypes.list();
        var random = new Random(42);
        var created = new ArrayList<CustomerView>();
        for (int i = 0; i < CUSTOMERS; i++) {
            created.add(customers.create(customer(random, i)));
        }
        for (int i = 0; i < 6; i++) {
            CustomerView customer = created.get(i * 7);
            var document = documents.upload(
                    customer.id(),
                    i % 2 == 0 ? "national-id" : "utility-bill",
                    "scan-" + customer.accountNumber() + ".pdf",
                    SAMPLE_PDF.length,
                    new ByteArrayInputStream(SAMPLE_PDF),
                    "Sam Support");
            if (i < 2) {
                documents.verify(customer.id(), document.id(), "Demo Administrator");
            }
        }
        var preview = imports.upload("previous-system-export.csv", new ByteArrayInputStream(OLD_SYSTEM_EXPORT));
        imports.start(preview.job().id(), preview.suggested());
    }

    private static CustomerDraft customer(Random random, int i) {
        Area area = AREAS.get(random.nextInt(AREAS.size()));
        boolean business = random.nextInt(10) == 0;
        String first = FIRST.get(random.nextInt(FIRST.size()));
        String last = LAST.get(random.nextInt(LAST.size()));
        String company = business ? COMPANIES.get(random.nextInt(COMPANIES.size())) : null;
        int roll = random.nextInt(100);
        CustomerStatus status = roll < 78
                ? CustomerStatus.ACTIVE
                : roll < 88 ? CustomerStatus.LEAD : roll < 95 ? CustomerStatus.SUSPENDED : CustomerStatus.FORMER;
        String phone = "+8801" + (3 + random.nextInt(7)) + String.format("%08d", random.nextInt(100_000_000));
        String handle = (first + "." + last + (i % 50)).toLowerCase(Locale.ROOT);
        var tags = new ArrayList<String>();
        if (business) {
            tags.add("business");
        }
        if (random.nextInt(12) == 0) {
            tags.add("vip");
        }
        if (random.nextInt(15) == 0) {
            tags.add("priority-support");
        }
        double latitude = area.latitude() + (random.nextDouble() - 0.5) * 0.02;
        double longitude = area.longitude() + (random.nextDouble() - 0.5) * 0.02;
        var address = new Address(
                (1 + random.nextInt(120)) + " " + ROADS.get(random.nextInt(ROADS.size())) + " "
                        + (1 + random.nextInt(27)),
                random.nextInt(3) == 0 ? "Flat " + (1 + random.nextInt(9)) + (char) ('A' + random.nextInt(4)) : null,
                "Dhaka",
                area.name(),
                area.postalCode(),
                "Bangladesh",
                Math.round(latitude * 1e6) / 1e6,
                Math.round(longitude * 1e6) / 1e6);
        String connection = List.of("Fibre", "Fibre", "Wireless", "Cable").get(random.nextInt(4));
        String installed = status == CustomerStatus.LEAD
                ? ""
                : "20" + (22 + random.nextInt(4)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9);
        return new CustomerDraft(
                null,
                business ? CustomerType.BUSINESS : CustomerType.INDIVIDUAL,
                first,
                last,
                company,
                List.of(new PhoneNumber(phone)),
                random.nextInt(4) == 0 ? List.of() : List.of(new EmailAddress(handle + "@example.com")),
                business || random.nextInt(3) == 0
                        ? null
                        : String.valueOf(1_000_000_000L + random.nextInt(900_000_000)),
                business ? "TIN-" + (100_000 + random.nextInt(900_000)) : null,
                status,
                area.name(),
                tags,
                random.nextInt(8) == 0 ? "Prefers calls after 6 pm." : null,
                installed.isEmpty()
                        ? Map.of("connection", connection)
                        : Map.of("connection", connection, "installed_on", installed),
                address,
                null);
    }

    /** What an ISP's previous system might export: imported on first start, one row rejected to show the report. */
    static final byte[] OLD_SYSTEM_EXPORT = """
        Customer ID,Full Name,Mobile,Email,Zone,Status
        OLD-1001,Rina Akter,+8801711555001,rina@example.com,Banani,active
        OLD-1002,Shafiq Alam,+8801711555002,,Banani,active
        OLD-1003,Mila Sen,not-a-number,,Banani,active
        """.getBytes(StandardCharsets.UTF_8);

    /** A one-page PDF saying "Sample document", for the demo's KYC uploads. */
    static final byte[] SAMPLE_PDF = """
        %PDF-1.4
        1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
        2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
        3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj
        4 0 obj<</Length 44>>stream
        BT /F1 18 Tf 40 70 Td (Sample document) Tj ET
        endstream endobj
        5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj
        trailer<</Root 1 0 R>>
        %%EOF
        """.getBytes(StandardCharsets.US_ASCII);
}
