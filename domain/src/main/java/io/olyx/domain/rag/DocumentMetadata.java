package io.olyx.domain.rag;

import java.util.Objects;

/**
 * A document's caller-supplied metadata as the JSON object text it arrived as. Search stores it with every
 * chunk and hands it back untouched; it never interprets it, so the core needs no JSON library.
 */
public record DocumentMetadata(String json) {

    public static final DocumentMetadata EMPTY = new DocumentMetadata("{}");

    public DocumentMetadata {
        Objects.requireNonNull(json, "json");
        String t = json.strip();
        if (!t.startsWith("{") || !t.endsWith("}")) {
            throw new IllegalArgumentException("metadata must be a JSON object");
        }
    }
}
