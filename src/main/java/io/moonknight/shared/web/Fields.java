package io.moonknight.shared.web;

import java.util.function.Function;

/** Turns a value object's {@link IllegalArgumentException} into a 400 problem naming the request field. */
public final class Fields {

    private Fields() {}

    public static <T> T parse(String field, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, e.getMessage() == null ? "is invalid" : e.getMessage());
        }
    }
}
