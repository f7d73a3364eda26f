package io.olyx.domain.rag;

import java.util.Objects;

/** A fused candidate on its way into a reranker: its id and its signals. */
public record RerankCandidate(String id, RelevanceSignals signals) {

    public RerankCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(signals, "signals");
    }
}
