package io.moonknight.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that parsed but that the API refuses (a year past 9999, a duplicate in a set); its message is
 * what the problem detail tells the client about the field.
 */
final class RejectedInput extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    RejectedInput(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
