package io.olyx.domain.common;

/**
 * Text lengths as people count them: in Unicode code points, so "😀" is one character where {@link String#length()}
 * counts two UTF-16 units. Every length limit on what a caller sends is counted this way (docs/api.md). A column
 * that stores such a value holds twice the limit, since H2 counts a VARCHAR's length in UTF-16 units (PostgreSQL
 * counts code points).
 */
public final class Characters {
    private Characters() {
    }

    /**
     * The number of code points in {@code text}. A surrogate pair is one; half of a pair on its own (JSON bodies
     * never carry one past the HTTP edge) is one too, so no text counts more than its UTF-16 length.
     */
    public static int count(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }
}
