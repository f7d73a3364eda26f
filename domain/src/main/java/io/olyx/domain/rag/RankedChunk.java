package io.olyx.domain.rag;

import java.util.Objects;

/** A final result position: the candidate's id and its relevance score in 0..1 (see {@link Reranker}). */
public record RankedChunk(String id, double score) {

    public RankedChunk {
        Objects.requireNonNull(id, "id");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
    }
}
