package io.moonknight.shared.db;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** PostgreSQL arrays: reading {@code text[]} columns, and passing a column of values as one parameter. */
public final class SqlArrays {

    private SqlArrays() {}

    public static List<String> strings(@Nullable Array array) throws SQLException {
        var values = new ArrayList<String>();
        if (array != null) {
            for (Object value : (Object[]) array.getArray()) {
                values.add((String) value);
            }
        }
        return values;
    }

    /**
     * A PostgreSQL array literal ({@code {"a","b",NULL}}) for one bind parameter, cast in the statement
     * ({@code cast(:ids as uuid[])}): bulk statements take one parameter per column however many rows (Spring
     * would expand a Java array into a list of placeholders). Timestamps are written as ISO instants.
     */
    public static String literal(java.util.Collection<?> values) {
        var literal = new StringBuilder(values.size() * 40).append('{');
        boolean first = true;
        for (Object value : values) {
            if (!first) {
                literal.append(',');
            }
            first = false;
            if (value == null) {
                literal.append("NULL");
            } else {
                String text =
                        value instanceof java.sql.Timestamp t ? t.toInstant().toString() : value.toString();
                literal.append('"')
                        .append(text.replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
        }
        return literal.append('}').toString();
    }
}
