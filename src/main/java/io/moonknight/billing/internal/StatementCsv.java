package io.moonknight.billing.internal;

import io.moonknight.billing.domain.Money;
import io.moonknight.billing.internal.Statements.Line;
import io.moonknight.billing.internal.Statements.Statement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * A statement as CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads Bengali and Arabic names right),
 * RFC 4180 quoting, one row per ledger entry between an opening and a closing balance row. Amounts are plain
 * numbers with the currency's minor digits. Text that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) is prefixed with an apostrophe; numbers are written by us and left
 * as they are.
 */
final class StatementCsv {

    static final String[] HEADER = {"Date", "Type", "Reference", "Description", "Debit", "Credit", "Balance"};

    private StatementCsv() {}

    static byte[] write(Statement statement) {
        int digits = Money.minorDigits(Currency.getInstance(statement.currency()));
        try (var bytes = new ByteArrayOutputStream()) {
            bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            try (var csv = new CSVPrinter(
                    new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                    CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
                csv.printRecord(
                        statement.from(), "OPENING", "", "Opening balance", "", "", money(statement.opening(), digits));
                for (Line line : statement.lines()) {
                    csv.printRecord(
                            line.date(),
                            line.kind(),
                            safe(line.reference()),
                            safe(line.description()),
                            line.debit().signum() == 0 ? "" : money(line.debit(), digits),
                            line.credit().signum() == 0 ? "" : money(line.credit(), digits),
                            money(line.balance(), digits));
                }
                csv.printRecord(
                        statement.to(),
                        "CLOSING",
                        "",
                        "Closing balance",
                        money(statement.debits(), digits),
                        money(statement.credits(), digits),
                        money(statement.closing(), digits));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String money(BigDecimal amount, int digits) {
        return amount.setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Text a spreadsheet would take for a formula gets a leading apostrophe. */
    static String safe(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
