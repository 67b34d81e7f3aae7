package io.moonknight.billing.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An invoice number format such as {@code INV-{yyyy}-{seq:6}}: {@code {yyyy}} the issue year, {@code {mm}} the
 * month, {@code {seq:N}} the tenant's sequence number padded to N digits (exactly one, required).
 */
public final class InvoiceNumbers {

    private static final Pattern SEQUENCE = Pattern.compile("\\{seq:(\\d)}");

    private InvoiceNumbers() {}

    public static String check(String format) {
        Matcher m = SEQUENCE.matcher(format);
        if (!m.find() || m.find()) {
            throw new IllegalArgumentException("the format needs exactly one {seq:N}, e.g. INV-{yyyy}-{seq:6}");
        }
        String rest =
                SEQUENCE.matcher(format).replaceAll("").replace("{yyyy}", "").replace("{mm}", "");
        if (rest.contains("{") || rest.contains("}") || !rest.matches("[A-Za-z0-9/_.-]*")) {
            throw new IllegalArgumentException("use letters, digits, / _ . - and {yyyy}, {mm}, {seq:N}");
        }
        return format;
    }

    public static String format(String format, LocalDate issued, long sequence) {
        Matcher m = SEQUENCE.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int digits = Integer.parseInt(m.group(1));
            m.appendReplacement(out, String.format("%0" + digits + "d", sequence));
        }
        m.appendTail(out);
        return out.toString()
                .replace("{yyyy}", String.valueOf(issued.getYear()))
                .replace("{mm}", String.format("%02d", issued.getMonthValue()));
    }
}
