package io.olyx.domain.rag;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the upsert rules need to know of a stored document, without its text. The revision counts text changes:
 * an indexing job carries the revision it was queued for and only marks that one indexed.
 */
public record DocumentVersion(DocumentId id, String name, String contentHash, Fields fields, int revision) {
    public DocumentVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(fields, "fields");
    }

    /** The parts of a document besides its name and text. */
    public record Fields(Optional<String> reference, List<String> tags, DocumentMetadata metadata) {
        public Fields {
            Objects.requireNonNull(reference, "reference");
            tags = List.copyOf(tags);
            Objects.requireNonNull(metadata, "metadata");
        }
    }
}
