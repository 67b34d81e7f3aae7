package io.moonknight.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatementCsvTest {

    private static Statements.Line line(
            String reference, String description, String debit, String credit, String balance) {
        return new Statements.Line(
                LocalDate.of(2026, 3, 5),
                "ADJUSTMENT",
                reference,
                description,
                new BigDecimal(debit),
                new BigDecimal(credit),
                new BigDecimal(balance));
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreNeutralisedAndNumbersAreLeftAlone() {
        var statement = new Statements.Statement(
                UUID.randomUUID(),
                "রহিম উদ্দিন",
                "C-1",
                "BDT",
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                new BigDecimal("-100"),
                List.of(
                        line("=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "0", "50", "-150"),
                        line("@SUM(A1)", "-2+3", "20.5", "0", "-129.5"),
                        line("\tTAB", "Comma, \"quoted\"\nand a new line", "0", "0", "-129.5"),
                        line("INV-1", "শুল্ক ও কর", "10", "0", "-119.5")),
                new BigDecimal("30.5"),
                new BigDecimal("50"),
                new BigDecimal("-119.5"));

        byte[] csv = StatementCsv.write(statement);

        assertThat(Arrays.copyOf(csv, 3))
                .as("a UTF-8 byte order mark for Excel")
                .containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("Date,Type,Reference,Description,Debit,Credit,Balance\r\n")
                .contains("2026-03-01,OPENING,,Opening balance,,,-100.00\r\n")
                .contains(",\"'=HYPERLINK(\"\"http://x\"\")\",'+cmd|' /C calc'!A0,,50.00,-150.00\r\n")
                .contains(",'@SUM(A1),'-2+3,20.50,,-129.50\r\n")
                .contains(",'\tTAB,\"Comma, \"\"quoted\"\"\nand a new line\",,,-129.50\r\n")
                .contains(",INV-1,শুল্ক ও কর,10.00,,-119.50\r\n")
                .endsWith("2026-03-31,CLOSING,,Closing balance,30.50,50.00,-119.50\r\n");
    }

    @Test
    void onlyTheFirstCharacterDecidesWhetherTextIsPrefixed() {
        assertThat(StatementCsv.safe("=1+1")).isEqualTo("'=1+1");
        assertThat(StatementCsv.safe("\r=1")).isEqualTo("'\r=1");
        assertThat(StatementCsv.safe("Invoice INV-1 = paid")).isEqualTo("Invoice INV-1 = paid");
        assertThat(StatementCsv.safe(null)).isEmpty();
        assertThat(StatementCsv.safe("")).isEmpty();
    }
}
