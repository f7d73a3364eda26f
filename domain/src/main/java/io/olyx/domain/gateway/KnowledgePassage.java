package io.olyx.domain.gateway;

import java.util.List;
import java.util.Objects;

/** A retrieved piece of a knowledge document, with the neighbouring text asked for as references. */
public record KnowledgePassage(String collectionId, String documentId, String documentName, String content,
                               double score, List<String> references) {
    public KnowledgePassage {
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(documentName, "documentName");
        Objects.requireNonNull(content, "content");
        references = List.copyOf(references);
    }
}
