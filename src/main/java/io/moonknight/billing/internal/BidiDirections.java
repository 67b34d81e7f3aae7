package io.moonknight.billing.internal;

import org.jspecify.annotations.Nullable;

/**
 * The base direction of a line of text by its first strong character (what HTML's {@code dir="auto"} does), for
 * the PDF templates: an Arabic address line is laid out as a right-to-left paragraph, so its words and the
 * numbers in it come out in reading order, while a Latin line beside it stays left-to-right.
 */
public final class BidiDirections {

    /** True when the first letter with a direction is right-to-left (Arabic, Hebrew, ...). */
    public boolean rtl(@Nullable String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            byte direction = Character.getDirectionality(codePoint);
            if (direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }
}
