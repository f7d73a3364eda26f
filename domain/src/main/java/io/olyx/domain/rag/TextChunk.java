package io.olyx.domain.rag;

import java.util.Objects;

/**
 * One piece of a document: its position among the document's chunks and the half-open character range
 * {@code [start, end)} it covers in the original text, whose content is {@code text}.
 */
public record TextChunk(int ordinal, int start, int end, String text) {

    public TextChunk {
        Objects.requireNonNull(text, "text");
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal must be >= 0, was " + ordinal);
        }
        if (start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("invalid range [" + start + ", " + end + ") for text of length "
                    + text.length());
        }
    }
}
