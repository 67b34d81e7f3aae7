package io.moonknight.customers.internal;

import io.moonknight.customers.CustomerStatus;
import io.moonknight.customers.domain.SearchText;
import io.moonknight.shared.db.SqlArrays;
import io.moonknight.shared.tenant.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds customers fast: every word of the query must occur in the customer's search text, or be similar to a
 * word of it (pg_trgm word similarity, for typos); both tests use the trigram index, which leads with the
 * tenant. Results rank exact account numbers first, then prefixes, then by similarity.
 */
@Component
public class CustomerSearch {

    /** How similar a misspelt word must be to match (pg_trgm's word_similarity, 0-1). */
    static final double TYPO_THRESHOLD = 0.45;

    static final Map<String, String> SORTS = Map.of(
            "name", "lower(c.display_name)",
            "accountNumber", "c.account_number",
            "createdAt", "c.created_at",
            "status", "c.status",
            "area", "c.area");

    private static final String COLUMNS = """
        c.id, c.account_number, c.display_name, c.status, c.area, c.phones[1] as phone, c.emails[1] as email,
        c.national_id, c.tags, concat_ws(', ', c.install_line1, c.install_city) as address,
        c.install_latitude, c.install_longitude, c.created_at
        """;

    private final JdbcClient jdbc;
    private final TrigramSchema trigram;

    CustomerSearch(JdbcClient jdbc, TrigramSchema trigram) {
        this.jdbc = jdbc;
        this.trigram = trigram;
    }

    @Transactional(readOnly = true)
    public Page<CustomerListItem> search(CustomerFilter filter, Pageable pageable) {
        var where = where(filter);
        if (where.fuzzy()) {
            jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', :threshold, true)")
                    .param("threshold", Double.toString(TYPO_THRESHOLD))
                    .query(String.class)
                    .single();
        }
        long total = jdbc.sql("select count(*) from customers.customers c where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        if (total == 0) {
            return Page.empty(pageable);
        }
        var rows = jdbc.sql("select " + COLUMNS + " from customers.customers c where " + where.sql() + " order by "
                        + order(filter, pageable.getSort()) + " limit :limit offset :offset")
                .params(where.params())
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(CustomerSearch::map)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Streams every match (for CSV export), in name order. */
    @Transactional(readOnly = true)
    public void each(CustomerFilter filter, Consumer<CustomerListItem> sink) {
        var where = where(filter);
        if (where.fuzzy()) {
            jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', :threshold, true)")
                    .param("threshold", Double.toString(TYPO_THRESHOLD))
                    .query(String.class)
                    .single();
        }
        try (Stream<CustomerListItem> rows = jdbc
                .sql("select " + COLUMNS + " from customers.customers c where " + where.sql()
                        + " order by lower(c.display_name), c.id")
                .params(where.params())
                .withFetchSize(1000)
                .query(CustomerSearch::map)
                .stream()) {
            rows.forEach(sink);
        }
    }

    /** The tenant's areas with how many customers each has. */
    @Transactional(readOnly = true)
    public List<AreaCount> areas() {
        return jdbc.sql("""
            select area, count(*) as customers,
                   avg(install_latitude) as latitude, avg(install_longitude) as longitude
            from customers.customers where tenant_id = :tenant and area is not null
            group by area order by area
            """)
                .param("tenant", TenantContext.require())
                .query((row, i) -> new AreaCount(
                        row.getString("area"), row.getLong("customers"), (Double) row.getObject("latitude"), (Double)
                                row.getObject("longitude")))
                .list();
    }

    /** Pins of the customers matching the filter that have one, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<CustomerListItem> pins(CustomerFilter filter, int limit) {
        var where = where(filter);
        return jdbc.sql("select " + COLUMNS + " from customers.customers c where " + where.sql()
                        + " and c.install_latitude is not null order by c.display_name limit :limit")
                .params(where.params())
                .param("limit", limit)
                .query(CustomerSearch::map)
                .list();
    }

    public record AreaCount(
            String area,
            long customers,
            @Nullable Double latitude,
            @Nullable Double longitude) {}

    private record Where(String sql, Map<String, Object> params, boolean fuzzy, List<String> tokens) {}

    private Where where(CustomerFilter filter) {
        var sql = new StringBuilder("c.tenant_id = :tenant");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", TenantContext.require());
        if (filter.status() != null) {
            sql.append(" and c.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.area() != null && !filter.area().isBlank()) {
            sql.append(" and c.area = :area");
            params.put("area", filter.area().strip());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            sql.append(" and c.tags @> array[cast(:tag as text)]");
            params.put("tag", filter.tag().strip());
        }
        List<String> tokens = filter.q() == null ? List.of() : SearchText.tokens(filter.q());
        boolean fuzzy = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            params.put("like" + i, "%" + escape(token) + "%");
            if (typoTolerant(token)) {
                fuzzy = true;
                params.put("word" + i, token);
                sql.append(" and (c.search_text like :like")
                        .append(i)
                        .append(" or :word")
                        .append(i)
                        .append(' ')
                        .append(trigram.wordSimilar())
                        .append(" c.search_text)");
            } else {
                sql.append(" and c.search_text like :like").append(i);
            }
        }
        if (!tokens.isEmpty()) {
            params.put("exact", String.join(" ", tokens));
            params.put("prefix", escape(tokens.getFirst()) + "%");
        }
        return new Where(sql.toString(), params, fuzzy, tokens);
    }

    private String order(CustomerFilter filter, Sort sort) {
        var parts = new ArrayList<String>();
        if (filter.q() != null && !SearchText.tokens(filter.q()).isEmpty() && sort.isUnsorted()) {
            parts.add("(lower(c.account_number) = :exact) desc");
            parts.add("(c.search_text like :prefix or lower(c.display_name) like :prefix) desc");
            parts.add(trigram.function("word_similarity") + "(:exact, c.search_text) desc");
        }
        for (Sort.Order order : sort) {
            String column = SORTS.get(order.getProperty());
            if (column != null) {
                parts.add(column + (order.isAscending() ? " asc" : " desc"));
            }
        }
        parts.add("lower(c.display_name)");
        parts.add("c.id");
        return String.join(", ", parts);
    }

    /** Words of letters are matched with typo tolerance; numbers, codes and phones only exactly (as substrings). */
    static boolean typoTolerant(String token) {
        return token.length() >= 4 && token.codePoints().allMatch(Character::isLetter);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static CustomerListItem map(ResultSet row, int index) throws SQLException {
        return new CustomerListItem(
                row.getObject("id", UUID.class),
                row.getString("account_number"),
                row.getString("display_name"),
                CustomerStatus.valueOf(row.getString("status")),
                row.getString("area"),
                row.getString("phone"),
                row.getString("email"),
                row.getString("national_id"),
                SqlArrays.strings(row.getArray("tags")),
                emptyToNull(row.getString("address")),
                (Double) row.getObject("install_latitude"),
                (Double) row.getObject("install_longitude"),
                row.getTimestamp("created_at").toInstant());
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
