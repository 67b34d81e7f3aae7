package io.moonknight.shared.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * One page of a list: the one envelope every list endpoint of the REST API answers with, never a bare
 * array. {@code page} is zero-based; {@code sort} echoes the applied order as {@code property,direction}
 * pairs (empty when the list has a fixed order).
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages, List<String> sort) {

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(
                page.getContent().stream().map(mapper).toList(),
                page.getNumber(),
                page.getSize(),
                page.getTotalElements(),
                page.getTotalPages(),
                page.getSort().stream()
                        .map(order -> order.getProperty() + ","
                                + order.getDirection().name().toLowerCase())
                        .toList());
    }

    public static <T> PageResponse<T> of(Page<T> page) {
        return of(page, Function.identity());
    }

    /**
     * One page cut from a list that is loaded whole because it is short by nature (a customer's documents,
     * a subscription's plan changes): the client pages it like any other list.
     */
    public static <T> PageResponse<T> of(List<T> all, Pageable page) {
        int from = (int) Math.min(page.getOffset(), all.size());
        int to = Math.min(from + page.getPageSize(), all.size());
        return of(new PageImpl<>(all.subList(from, to), page, all.size()));
    }

    /** A list that is always answered whole (a fixed catalogue, a plan's reply attributes): one page. */
    public static <T> PageResponse<T> all(List<T> items) {
        return new PageResponse<>(List.copyOf(items), 0, items.size(), items.size(), 1, List.of());
    }
}
