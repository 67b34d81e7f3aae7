package io.moonknight.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonInputTest {

    enum Mode {
        SHARED,
        DEDICATED
    }

    record Request(
            @Nullable Mode mode,
            @Nullable Integer count,
            @Nullable Boolean flag,
            @Nullable UUID id,
            @Nullable Instant at,
            @Nullable LocalDate on,
            @Nullable Set<String> scopes,
            @Nullable List<String> names,
            @Nullable String name) {}

    private static final JsonMapper JSON = mapper();

    private static JsonMapper mapper() {
        var builder = JsonMapper.builder();
        new StrictJsonInput().strictJsonInputCustomizer().customize(builder);
        return builder.build();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"mode\":0}",
                "{\"count\":\"\"}",
                "{\"flag\":\"\"}",
                "{\"id\":\"\"}",
                "{\"mode\":\"\"}",
                "{\"at\":\"\"}",
                "{\"scopes\":[\"a\",\"a\"]}",
                "{\"names\":[\"a\",null]}",
                "{\"at\":\"+999999999-12-31T23:59:59Z\"}",
                "{\"at\":\"10000-01-01T00:00:00Z\"}",
                "{\"at\":\"-0001-01-01T00:00:00Z\"}",
                "{\"on\":\"+999999-01-01\"}",
                "{\"on\":\"0000-12-31\"}",
                "{\"count\":1.5}",
                "{\"name\":true}",
                "{\"name\":12}",
                "{\"name\":1.5}",
                "{\"name\":\"a\\u0000b\"}",
                "{\"names\":[\"a\\u0000\"]}"
            })
    void guessesAreRefused(String json) {
        assertThatThrownBy(() -> JSON.readValue(json, Request.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void sensibleValuesAreRead() {
        var request = JSON.readValue("""
            {"mode":"SHARED","count":3,"flag":false,"id":null,"at":"9999-12-31T23:59:59Z","on":"0001-01-01",
             "scopes":["a","b"],"names":["a","a"],"name":"12"}
            """, Request.class);
        assertThat(request.mode()).isEqualTo(Mode.SHARED);
        assertThat(request.at()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(request.on()).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(request.scopes()).containsExactlyInAnyOrder("a", "b");
        assertThat(request.names()).containsExactly("a", "a");
    }
}
