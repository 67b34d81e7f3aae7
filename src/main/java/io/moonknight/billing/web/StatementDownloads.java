package io.moonknight.billing.web;

import io.moonknight.billing.internal.InvoiceDocuments;
import io.moonknight.billing.internal.Statements;
import io.moonknight.shared.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A statement of account as a download, shared by the API and the console: the format is {@code pdf} or
 * {@code csv} from the {@code format} parameter, else from the Accept header ({@code text/csv} asks for CSV),
 * else PDF.
 */
final class StatementDownloads {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private StatementDownloads() {}

    static ResponseEntity<byte[]> of(
            Statements statements,
            InvoiceDocuments documents,
            UUID customerId,
            @Nullable String from,
            @Nullable String to,
            @Nullable String format,
            @Nullable String accept,
            boolean inline) {
        boolean csv = csv(format, accept);
        var statement = statements.of(customerId, statements.range(from, to));
        String name = "statement-" + statement.accountNumber().replaceAll("[^A-Za-z0-9_-]", "_") + "-"
                + statement.from() + "-" + statement.to();
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(CSV)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(name + ".csv")
                                    .build()
                                    .toString())
                    .body(documents.statementCsv(statement));
        }
        return PdfDownloads.of(name, documents.statementPdf(statement), inline);
    }

    private static boolean csv(@Nullable String format, @Nullable String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "pdf" -> false;
                default -> throw ProblemException.invalidField("format", "must be pdf or csv");
            };
        }
        if (accept == null) {
            return false;
        }
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.isCompatibleWith(MediaType.APPLICATION_PDF) && !type.isWildcardType()) {
                return false;
            }
            if (type.isCompatibleWith(CSV) && !type.isWildcardType()) {
                return true;
            }
        }
        return false;
    }
}
