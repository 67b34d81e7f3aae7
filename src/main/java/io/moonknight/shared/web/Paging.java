package io.moonknight.shared.web;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Checks a client's paging request against what an endpoint allows: sort properties come from a
 * whitelist (a client must not order by a column it cannot read), the page size is capped.
 */
public final class Paging {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;

    private Paging() {}

    /**
     * @param sortable client-facing sort names mapped to entity properties
     * @param defaultSort used when the client asks for no order
     */
    public static Pageable restrict(Pageable requested, Map<String, String> sortable, Sort defaultSort) {
        if (requested.isUnpaged()) {
            return PageRequest.of(0, DEFAULT_SIZE, defaultSort);
        }
        Sort sort = Sort.unsorted();
        for (Sort.Order order : requested.getSort()) {
            String property = sortable.get(order.getProperty());
            if (property == null) {
                throw ProblemException.invalidField(
                        "sort",
                        "cannot sort by '" + order.getProperty() + "'; use one of "
                                + sortable.keySet().stream().sorted().collect(Collectors.joining(", ")));
            }
            sort = sort.and(Sort.by(order.getDirection(), property));
        }
        if (sort.isUnsorted()) {
            sort = defaultSort;
        }
        int size = Math.min(Math.max(requested.getPageSize(), 1), MAX_SIZE);
        return PageRequest.of(Math.max(requested.getPageNumber(), 0), size, sort);
    }
}
