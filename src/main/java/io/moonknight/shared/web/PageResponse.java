package io.moonknight.shared.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * One page of a list. {@code page} is zero-based; {@code sort} echoes the applied order as
 * {@code property,direction} pairs.
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
}
