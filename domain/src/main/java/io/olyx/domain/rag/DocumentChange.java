package io.olyx.domain.rag;

import java.util.Optional;

/**
 * What uploading a document does to the stored one with the same name, by the seed's upsert rules: a new name is
 * created; changed text is indexed again, taking the new metadata when one is sent and keeping the stored metadata
 * when it is null or left out; a changed metadata alone is saved without indexing again; the same text and
 * metadata change nothing. Olyx treats {@code __ref} and {@code __tags} like metadata (the seed is silent): sent
 * and different, they are saved; null or left out, the stored ones stay.
 */
public sealed interface DocumentChange {

    DocumentInput input();

    /** Counts as "enqueued" in an upload's answer. */
    default boolean queuesIndexing() {
        return this instanceof Create || this instanceof Reindex;
    }

    record Create(DocumentInput input, DocumentVersion.Fields fields) implements DocumentChange {
    }

    record Reindex(DocumentInput input, DocumentVersion existing, DocumentVersion.Fields fields)
            implements DocumentChange {
    }

    /** Metadata, reference or tags changed, the text did not. */
    record Describe(DocumentInput input, DocumentVersion existing, DocumentVersion.Fields fields)
            implements DocumentChange {
    }

    record Unchanged(DocumentInput input, DocumentVersion existing) implements DocumentChange {
    }

    static DocumentChange decide(Optional<DocumentVersion> stored, DocumentInput input) {
        if (stored.isEmpty()) {
            return new Create(input, new DocumentVersion.Fields(input.reference(),
                    input.tags().orElse(java.util.List.of()), input.metadata().orElse(DocumentMetadata.EMPTY)));
        }
        DocumentVersion existing = stored.get();
        DocumentVersion.Fields old = existing.fields();
        DocumentVersion.Fields merged = new DocumentVersion.Fields(
                input.reference().or(old::reference), input.tags().orElse(old.tags()),
                input.metadata().orElse(old.metadata()));
        if (!existing.contentHash().equals(input.contentHash())) {
            return new Reindex(input, existing, merged);
        }
        return merged.equals(old) ? new Unchanged(input, existing) : new Describe(input, existing, merged);
    }
}
