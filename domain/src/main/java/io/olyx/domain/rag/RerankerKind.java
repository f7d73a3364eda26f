package io.olyx.domain.rag;

import java.util.Locale;
import java.util.Optional;

/** The rerankers a query can ask for by name ({@code "none"}, {@code "lexical"}, {@code "smart"}). */
public enum RerankerKind {
    NONE, LEXICAL, SMART;

    public static Optional<RerankerKind> parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "none" -> Optional.of(NONE);
            case "lexical" -> Optional.of(LEXICAL);
            case "smart" -> Optional.of(SMART);
            default -> Optional.empty();
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
