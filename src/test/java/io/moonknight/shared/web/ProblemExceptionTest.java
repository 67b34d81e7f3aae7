package io.moonknight.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemExceptionTest {

    @ParameterizedTest
    @ValueSource(strings = {"type", "title", "status", "detail", "instance"})
    void anExtensionCannotOverwriteAProblemMember(String member) {
        var problem = ProblemException.conflict("charge-not-pending", "Only a pending charge can be cancelled");
        assertThatThrownBy(() -> problem.with(member, "CANCELLED")).isInstanceOf(IllegalStateException.class);
        assertThat(problem.with("currentStatus", "CANCELLED").toProblemDetail().getStatus())
                .isEqualTo(409);
    }
}
