package io.moonknight.customers.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a tenant numbers its customers: literal text around one {@code {seq:N}} placeholder, the sequence padded
 * to N digits, e.g. {@code C-{seq:6}} gives {@code C-000123}, {@code ISP/{seq:5}/BD} gives {@code ISP/00123/BD}.
 */
public record AccountNumberFormat(String pattern) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{seq:(\\d{1,2})}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._/-]*");
    public static final AccountNumberFormat DEFAULT = new AccountNumberFormat("C-{seq:6}");

    public AccountNumberFormat {
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        if (!matcher.find()) {
            throw new IllegalArgumentException("must contain the sequence placeholder {seq:N}, e.g. C-{seq:6}");
        }
        int width = Integer.parseInt(matcher.group(1));
        if (width < 1 || width > 12) {
            throw new IllegalArgumentException("the sequence width must be 1-12 digits");
        }
        String prefix = pattern.substring(0, matcher.start());
        String suffix = pattern.substring(matcher.end());
        if (matcher.find()) {
            throw new IllegalArgumentException("must contain {seq:N} only once");
        }
        if (!LITERAL.matcher(prefix).matches()
                || !LITERAL.matcher(suffix).matches()
                || prefix.length() + suffix.length() > 20) {
            throw new IllegalArgumentException(
                    "text around {seq:N} may use up to 20 letters, digits, '.', '_', '/' or '-'");
        }
    }

    public String format(long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        matcher.find();
        String digits = String.format("%0" + matcher.group(1) + "d", sequence);
        return pattern.substring(0, matcher.start()) + digits + pattern.substring(matcher.end());
    }
}
