package io.moonknight.customers.internal;

import io.moonknight.customers.CustomerStatus;
import io.moonknight.customers.domain.SearchText;
import io.moonknight.customers.domain.Typos;
import io.moonknight.shared.db.SqlArrays;
import io.moonknight.shared.tenant.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * Finds customers fast: every word of the query must occur in the customer's search text (a substring test the
 * trigram index answers, leading with the tenant). When nothing matches, misspelt words are corrected against
 * the tenant's dictionary of customer words (typos one or two edits away) and the search runs again, so a typo
 * costs a lookup in a small table rather than a fuzzy scan of every customer. Results rank exact account
 * numbers first, then names starting with the query, then by name.
 */
@Component
public class CustomerSearch {

    /** Loose trigram similarity that shortlists dictionary words before the edit distance decides. */
    static final double CANDIDATE_SIMILARITY = 0.2;

    /** Corrections tried per misspelt word, nearest first. */
    static final int MAX_CORRECTIONS = 5;

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
        var where = where(filter, Map.of());
        var page = page(where, pageable);
        if (page.getContent().isEmpty() && where.correctable() && (pageable.getOffset() == 0 || !exists(where))) {
            var corrected = corrected(filter, where);
            if (corrected != null) {
                return page(corrected, pageable);
            }
        }
        return page;
    }

    private Page<CustomerListItem> page(Where where, Pageable pageable) {
        long[] total = {0};
        // The page is picked with the sort keys alone; only its rows are read in full.
        String order = order(where, pageable.getSort());
        var rows = jdbc.sql("select " + COLUMNS + ", hit.total from (select c.id, count(*) over () as total"
                        + " from customers.customers c where " + where.sql() + " order by " + order
                        + " limit :limit offset :offset) hit join customers.customers c on c.id = hit.id order by "
                        + order)
                .params(where.params())
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((row, index) -> {
                    total[0] = row.getLong("total");
                    return map(row, index);
                })
                .list();
        if (rows.isEmpty() && pageable.getOffset() > 0) {
            total[0] = jdbc.sql("select count(*) from customers.customers c where " + where.sql())
                    .params(where.params())
                    .query(Long.class)
                    .single();
        }
        return new PageImpl<>(rows, pageable, total[0]);
    }

    private boolean exists(Where where) {
        return jdbc.sql("select exists (select 1 from customers.customers c where " + where.sql() + ")")
                .params(where.params())
                .query(Boolean.class)
                .single();
    }

    /** The filter as typed, or with misspelt words corrected when nothing matches it as typed. */
    private Where resolve(CustomerFilter filter) {
        var where = where(filter, Map.of());
        if (!where.correctable() || exists(where)) {
            return where;
        }
        var corrected = corrected(filter, where);
        return corrected == null ? where : corrected;
    }

    /**
     * Corrections for the query words that are not words of any customer: dictionary words within the allowed
     * edit distance, nearest first. Null when there is nothing to correct.
     */
    private @Nullable Where corrected(CustomerFilter filter, Where typed) {
        jdbc.sql("select set_config('pg_trgm.similarity_threshold', :threshold, true)")
                .param("threshold", Double.toString(CANDIDATE_SIMILARITY))
                .query(String.class)
                .single();
        Map<Integer, List<String>> corrections = new HashMap<>();
        for (int i = 0; i < typed.tokens().size(); i++) {
            String token = typed.tokens().get(i);
            if (!Typos.correctable(token)) {
                continue;
            }
            List<String> candidates = jdbc.sql(
                            "select word from customers.search_words where tenant_id = :tenant and word "
                                    + trigram.similar() + " :word order by word " + trigram.distance()
                                    + " :word limit 50")
                    .param("tenant", TenantContext.require())
                    .param("word", token)
                    .query((row, index) -> row.getString("word"))
                    .list();
            if (candidates.contains(token)) {
                continue;
            }
            List<String> near = candidates.stream()
                    .filter(word -> Typos.near(token, word))
                    .sorted(Comparator.comparingInt(word -> Typos.distance(token, word)))
                    .limit(MAX_CORRECTIONS)
                    .toList();
            if (!near.isEmpty()) {
                corrections.put(i, near);
            }
        }
        return corrections.isEmpty() ? null : where(filter, corrections);
    }

    /** Streams every match (for CSV export), in name order. */
    @Transactional(readOnly = true)
    public void each(CustomerFilter filter, Consumer<CustomerListItem> sink) {
        var where = resolve(filter);
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
        var where = resolve(filter);
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

    private record Where(String sql, Map<String, Object> params, List<String> tokens) {

        boolean correctable() {
            return tokens.stream().anyMatch(Typos::correctable);
        }
    }

    private Where where(CustomerFilter filter, Map<Integer, List<String>> corrections) {
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
        for (int i = 0; i < tokens.size(); i++) {
            params.put("like" + i, "%" + escape(tokens.get(i)) + "%");
            sql.append(" and (c.search_text like :like").append(i);
            List<String> alternatives = corrections.getOrDefault(i, List.of());
            for (int j = 0; j < alternatives.size(); j++) {
                params.put("like" + i + "_" + j, "%" + escape(alternatives.get(j)) + "%");
                sql.append(" or c.search_text like :like").append(i).append('_').append(j);
            }
            sql.append(')');
        }
        if (!tokens.isEmpty()) {
            params.put("exact", String.join(" ", tokens));
            params.put("prefix", escape(String.join(" ", tokens)) + "%");
        }
        return new Where(sql.toString(), params, tokens);
    }

    /**
     * Best matches first, with cheap keys only (a similarity score over thousands of matches of a common name
     * would cost more than the search): the exact account number, then names starting with the query, then by
     * name.
     */
    private String order(Where where, Sort sort) {
        var parts = new ArrayList<String>();
        if (!where.tokens().isEmpty() && sort.isUnsorted()) {
            parts.add("(lower(c.account_number) = :exact) desc");
            parts.add("(lower(c.display_name) like :prefix) desc");
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
