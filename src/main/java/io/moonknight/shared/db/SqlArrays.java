package io.moonknight.shared.db;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads PostgreSQL {@code text[]} columns. */
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
}
