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

    /**
     * The start of {@code text}, at most {@code maxUtf16Units} UTF-16 units long, cut between characters: where the
     * bound falls inside a surrogate pair the whole pair goes, so no half of an emoji is left for JSON to write as
     * {@code \ud83d} or {@code ?} (a cut text never ends on the first half of a pair, not even on one that was alone
     * already). Counted in units like {@link String#length()}, the result fits wherever the first
     * {@code maxUtf16Units} units of the text would (a VARCHAR of that size on H2 included). A text that fits is
     * returned as it is.
     */
    public static String truncate(String text, int maxUtf16Units) {
        if (maxUtf16Units < 0) {
            throw new IllegalArgumentException("maxUtf16Units must not be negative: " + maxUtf16Units);
        }
        if (text.length() <= maxUtf16Units) {
            return text;
        }
        int end = maxUtf16Units;
        while (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** {@code text} as it is when it fits in {@code maxUtf16Units}, else {@link #truncate cut} and ended with "…". */
    public static String abbreviate(String text, int maxUtf16Units) {
        return text.length() <= maxUtf16Units ? text : truncate(text, maxUtf16Units) + "…";
    }
}
