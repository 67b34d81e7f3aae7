package io.moonknight.shared.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * A console list page's request: the search text ({@code q}), the filters and the page number, read leniently (a
 * filter value the page does not know shows everything rather than an error page). The handler reads each filter
 * once, queries, and hands the page to {@link #show}, which puts on the model what the list templates use:
 *
 * <ul>
 *   <li>{@code q} and each filter under its own name (to keep the filter form filled in);
 *   <li>{@code page}, the Spring Data page;
 *   <li>{@code query}, the filters as a query string, and {@code pagerUrl}, the list's address with them, for the
 *       {@code pager} fragment;
 *   <li>{@code filtered}, whether any filter is set, for the {@code emptyRow} fragment ("No VLANs match these
 *       filters." or "No VLANs yet.").
 * </ul>
 *
 * <pre>{@code
 * @GetMapping("/vlans")
 * String vlans(@RequestParam MultiValueMap<String, String> params, Model model) {
 *     var list = ConsoleList.of("/network/vlans", params);
 *     VlanScopeType scope = list.choice("scope", VlanScopeType.class);
 *     return list.show(model, vlans.list(scope, list.q(), list.pageable(50)), "network/vlans");
 * }
 * }</pre>
 */
public final class ConsoleList {

    private final String path;
    private final MultiValueMap<String, String> params;
    private final Map<String, Object> filters = new LinkedHashMap<>();

    private ConsoleList(String path, MultiValueMap<String, String> params) {
        this.path = path;
        this.params = params;
    }

    /**
     * @param path the list's own address, for the pager's links
     * @param params the request's parameters
     */
    public static ConsoleList of(String path, MultiValueMap<String, String> params) {
        return new ConsoleList(path, params);
    }

    /** The search text (at most 200 characters), or null when none was typed. */
    public @Nullable String q() {
        return text("q", 200);
    }

    /** A free-text filter cut to {@code maxLength} characters, or null when blank. */
    public @Nullable String text(String name, int maxLength) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        String cut = value.length() > maxLength ? value.substring(0, maxLength) : value;
        filters.put(name, cut);
        return cut;
    }

    /** A filter that takes one of {@code allowed}; any other value counts as no filter. */
    public @Nullable String oneOf(String name, java.util.Collection<String> allowed) {
        String value = raw(name);
        if (value == null || !allowed.contains(value)) {
            return null;
        }
        filters.put(name, value);
        return value;
    }

    /** An enum filter; a value that is not one of the constants counts as no filter. */
    public <E extends Enum<E>> @Nullable E choice(String name, Class<E> type) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        try {
            E choice = Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            filters.put(name, choice);
            return choice;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An id filter; a malformed one counts as no filter. */
    public @Nullable UUID uuid(String name) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            filters.put(name, id);
            return id;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A day filter typed as {@code YYYY-MM-DD} (a date input); a malformed day, or one outside years 1 to 9999, counts
     * as no filter. Whether a range is reversed is the query's business: it simply matches nothing.
     */
    public @Nullable LocalDate date(String name) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (!TimeBounds.accepts(date)) {
                return null;
            }
            filters.put(name, date);
            return date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The requested page (0 when absent or malformed) of {@code size} rows. */
    public Pageable pageable(int size) {
        return pageable(size, Sort.unsorted());
    }

    /** As {@link #pageable(int)}, in the given order. */
    public Pageable pageable(int size, Sort sort) {
        int page = 0;
        String value = raw("page");
        if (value != null) {
            try {
                page = Math.max(Integer.parseInt(value), 0);
            } catch (NumberFormatException e) {
                page = 0;
            }
        }
        return PageRequest.of(page, size, sort);
    }

    /** The filters set, as a query string without the page ({@code q=fibre&status=ACTIVE}). */
    public String query() {
        var query = new StringBuilder("q=")
                .append(encode(filters.getOrDefault("q", "").toString()));
        filters.forEach((name, value) -> {
            if (!name.equals("q")) {
                query.append('&').append(name).append('=').append(encode(value.toString()));
            }
        });
        return query.toString();
    }

    /** Puts the page and the filters on the model (see the class comment) and returns {@code view}. */
    public String show(Model model, Page<?> page, String view) {
        model.addAttribute("q", "");
        filters.forEach(model::addAttribute);
        model.addAttribute("page", page);
        model.addAttribute("filtered", !filters.isEmpty());
        model.addAttribute("query", query());
        model.addAttribute("pagerUrl", path + "?" + query() + "&");
        return view;
    }

    private @Nullable String raw(String name) {
        String value = params.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
