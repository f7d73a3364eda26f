package io.olyx.domain.rag;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A candidate after fusion: its fused score (meaningful only for ordering within one fusion), and the raw
 * signal from each retriever that found it. A missing signal means that retriever did not return it.
 */
public record FusedCandidate(String id, double fusedScore, OptionalDouble lexicalScore, OptionalDouble vectorScore) {

    public FusedCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lexicalScore, "lexicalScore");
        Objects.requireNonNull(vectorScore, "vectorScore");
    }
}
