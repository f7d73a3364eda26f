package io.olyx.domain.rag;

import java.util.Objects;

/**
 * One candidate from a single retriever. For lexical retrieval {@code score} is the BM25 score divided by the
 * best score the query could reach (0..1); for vector retrieval it is the cosine similarity (-1..1).
 */
public record RetrievalHit(String id, double score) {

    public RetrievalHit {
        Objects.requireNonNull(id, "id");
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score must be a number");
        }
    }
}
