package io.olyx.domain.rag;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A document's id inside a collection; its chunks in the search index carry it as their document id. */
public record DocumentId(UUID value) {
    public DocumentId {
        Objects.requireNonNull(value, "value");
    }

    public static Optional<DocumentId> parse(String text) {
        return Uuids.parse(text).map(DocumentId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
