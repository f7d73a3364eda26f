package io.olyx.domain.rag;

import java.util.Objects;

/** A stored document with its whole text. */
public record KnowledgeDocument(DocumentSummary summary, String contents) {
    public KnowledgeDocument {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(contents, "contents");
    }

    public DocumentId id() {
        return summary.id();
    }

    public DocumentVersion version() {
        return summary.version();
    }

    /** The document as the search index takes it: chunk ids derive from the document id. */
    public SourceDocument source() {
        DocumentVersion v = summary.version();
        return new SourceDocument(v.id().toString(), v.name(), contents, v.fields().metadata());
    }

    public TextStats stats() {
        return TextStats.of(contents);
    }
}
