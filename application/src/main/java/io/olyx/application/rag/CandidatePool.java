package io.olyx.application.rag;

import io.olyx.domain.rag.RetrievalHit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What retrieval found for one query text: the lexical and vector ranked lists (as retrieved, best first)
 * and every candidate of their union by key, each with both signals.
 */
public record CandidatePool(String query, List<RetrievalHit> lexical, List<RetrievalHit> vector,
                            Map<String, Candidate> candidates) {

    public CandidatePool {
        Objects.requireNonNull(query, "query");
        lexical = List.copyOf(lexical);
        vector = List.copyOf(vector);
        candidates = Map.copyOf(candidates);
    }
}
