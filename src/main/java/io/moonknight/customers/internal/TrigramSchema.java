package io.moonknight.customers.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Where the pg_trgm extension lives in this database, for schema-qualified operators in search queries. */
@Component
class TrigramSchema {

    private final String schema;

    TrigramSchema(JdbcClient jdbc) {
        this.schema = jdbc.sql("""
            select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace
            where e.extname = 'pg_trgm'
            """).query(String.class).single();
    }

    /** {@code OPERATOR(<schema>.%)}: "is similar to" (shares enough trigrams). */
    String similar() {
        return operator("%");
    }

    /** {@code OPERATOR(<schema>.<->)}: trigram distance, for nearest-first ordering. */
    String distance() {
        return operator("<->");
    }

    private String operator(String symbol) {
        return "OPERATOR(\"" + schema + "\"." + symbol + ")";
    }
}
