package io.moonknight.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

class PagingTest {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "created", "createdAt");

    @Test
    void mapsClientSortNamesToProperties() {
        var page = Paging.restrict(
                PageRequest.of(2, 10, Sort.by(Sort.Direction.DESC, "created")), SORTABLE, Sort.by("name"));
        assertThat(page.getPageNumber()).isEqualTo(2);
        assertThat(page.getSort().getOrderFor("createdAt")).isNotNull();
    }

    @Test
    void refusesSortingByAnythingElse() {
        assertThatThrownBy(() ->
                        Paging.restrict(PageRequest.of(0, 10, Sort.by("passwordHash")), SORTABLE, Sort.by("name")))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(400);
                    assertThat(problem.fieldErrors())
                            .extracting(ProblemException.FieldError::field)
                            .containsExactly("sort");
                });
    }

    @Test
    void usesTheDefaultOrderAndCapsTheSize() {
        var page = Paging.restrict(PageRequest.of(0, 5000), SORTABLE, Sort.by("name"));
        assertThat(page.getPageSize()).isEqualTo(Paging.MAX_SIZE);
        assertThat(page.getSort()).isEqualTo(Sort.by("name"));
        assertThat(Paging.restrict(Pageable.unpaged(), SORTABLE, Sort.by("name"))
                        .getPageSize())
                .isEqualTo(20);
    }
}
