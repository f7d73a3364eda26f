package io.olyx.domain.rag;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The browse orders ({@code order_by}); ties fall back to the document id so pages never overlap. */
public enum DocumentOrder {
    CREATED_AT_DESC, CREATED_AT_ASC, UPDATED_AT_DESC, UPDATED_AT_ASC, NAME_ASC, NAME_DESC;

    public static final DocumentOrder DEFAULT = CREATED_AT_DESC;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DocumentOrder> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(o -> o.wire().equals(t)).findFirst();
    }
}
