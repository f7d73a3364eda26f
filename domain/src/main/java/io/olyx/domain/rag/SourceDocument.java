package io.olyx.domain.rag;

import java.util.Objects;

/** A document to index: the caller's stable id, its display name, its full text and metadata. */
public record SourceDocument(String id, String name, String text, DocumentMetadata metadata) {

    public SourceDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(metadata, "metadata");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
    }

    /** Chunk ids derive from the document id and the chunk's position, so re-indexing replaces, never adds. */
    public String chunkId(int ordinal) {
        return id + "#" + ordinal;
    }
}
