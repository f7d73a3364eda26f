package io.olyx.domain.rag;

import io.olyx.domain.common.Characters;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored document as listings show it: everything but the full text, with the start of the text as a preview. */
public record DocumentSummary(DocumentVersion version, IndexState state, Instant createdAt, Instant updatedAt,
                              Optional<Instant> indexedAt, String preview) {
    /** How much of the text a preview shows. */
    public static final int PREVIEW_CHARS = 200;

    public DocumentSummary {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(indexedAt, "indexedAt");
        Objects.requireNonNull(preview, "preview");
    }

    public DocumentId id() {
        return version.id();
    }

    /** The first {@value #PREVIEW_CHARS} characters of the text with runs of whitespace as one space. */
    public static String preview(String textStart) {
        String flat = textStart.replaceAll("\\s+", " ").strip();
        return flat.length() <= PREVIEW_CHARS ? flat
                : Characters.truncate(flat, PREVIEW_CHARS).stripTrailing() + "…";
    }
}
