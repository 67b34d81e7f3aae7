package io.moonknight.customers.web;

import io.moonknight.customers.internal.CustomerFilter;
import io.moonknight.customers.internal.CustomerSearch;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/** The customer list as CSV; the columns import back unchanged. */
final class CustomerCsv {

    private CustomerCsv() {}

    static void write(CustomerSearch search, CustomerFilter filter, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"customers.csv\"");
        var format = CSVFormat.RFC4180
                .builder()
                .setHeader(
                        "account number",
                        "name",
                        "status",
                        "area",
                        "phone",
                        "email",
                        "national id",
                        "tags",
                        "address",
                        "latitude",
                        "longitude",
                        "created")
                .get();
        try (var csv = new CSVPrinter(response.getWriter(), format)) {
            search.each(filter, c -> {
                try {
                    csv.printRecord(
                            safe(c.accountNumber()),
                            safe(c.displayName()),
                            c.status(),
                            safe(c.area()),
                            safe(c.phone()),
                            safe(c.email()),
                            safe(c.nationalId()),
                            safe(String.join(";", c.tags())),
                            safe(c.address()),
                            c.latitude(),
                            c.longitude(),
                            c.createdAt());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Neutralises spreadsheet formulas in values people typed (CSV injection). */
    static @Nullable String safe(@Nullable String value) {
        if (value != null
                && !value.isEmpty()
                && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
                && !value.matches("[+-]?\\d[\\d ]*")) {
            return "'" + value;
        }
        return value;
    }
}
