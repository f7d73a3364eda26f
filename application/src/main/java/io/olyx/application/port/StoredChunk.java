package io.olyx.application.port;

import io.olyx.domain.rag.DocumentMetadata;
import java.util.Objects;

/**
 * A chunk as a search index holds it: {@code chunkId} is unique within the index; {@code ordinal} is the
 * chunk's position in its document and {@code [start, end)} its character range in the document's text.
 */
public record StoredChunk(String chunkId, String documentId, String documentName, int ordinal, int start, int end,
                          String text, DocumentMetadata metadata) {

    public StoredChunk {
        Objects.requireNonNull(chunkId, "chunkId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(documentName, "documentName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(metadata, "metadata");
        if (ordinal < 0 || start < 0 || end < start) {
            throw new IllegalArgumentException("invalid position: ordinal " + ordinal + ", [" + start + ", " + end + ")");
        }
    }
}
