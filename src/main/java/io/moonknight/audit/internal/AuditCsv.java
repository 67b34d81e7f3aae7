package io.moonknight.audit.internal;

import io.moonknight.audit.AuditEventView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes audit entries as CSV (RFC 4180), one row per entry, details as JSON. */
public final class AuditCsv {

    private AuditCsv() {}

    public static void write(
            AuditQueries queries, AuditQueries.Scope scope, io.moonknight.audit.AuditFilter filter, Writer out)
            throws IOException {
        var format = CSVFormat.RFC4180
                .builder()
                .setHeader(AuditQueries.csvHeader().toArray(String[]::new))
                .get();
        try (var csv = new CSVPrinter(out, format)) {
            queries.export(scope, filter, event -> row(csv, event));
        }
    }

    private static void row(CSVPrinter csv, AuditEventView e) {
        try {
            csv.printRecord(
                    e.id(),
                    e.occurredAt(),
                    e.tenantId(),
                    e.actorType(),
                    e.actorId(),
                    safe(e.actorName()),
                    e.action(),
                    e.targetType(),
                    safe(e.targetId()),
                    e.details().toString(),
                    e.operation(),
                    e.sourceAddress(),
                    safe(e.userAgent()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Neutralises spreadsheet formulas in values a client controls (CSV injection). */
    static @org.jspecify.annotations.Nullable String safe(@org.jspecify.annotations.Nullable String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
