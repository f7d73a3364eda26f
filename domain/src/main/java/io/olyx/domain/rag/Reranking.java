package io.olyx.domain.rag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies a reranker to candidates that arrive in fused order. */
public final class Reranking {

    private Reranking() {
    }

    /**
     * {@link Reranker.None} keeps the fused order and only attaches scores, capped so they never rise down the
     * list (a result never outscores one ranked above it); the others reorder by their own score, ties by id.
     */
    public static List<RankedChunk> rank(Reranker reranker, List<RerankCandidate> fusedOrder) {
        List<RankedChunk> ranked = new ArrayList<>(fusedOrder.size());
        if (reranker instanceof Reranker.None) {
            double cap = 1;
            for (RerankCandidate c : fusedOrder) {
                cap = Math.min(cap, unit(reranker.score(c.signals())));
                ranked.add(new RankedChunk(c.id(), cap));
            }
            return ranked;
        }
        for (RerankCandidate c : fusedOrder) {
            ranked.add(new RankedChunk(c.id(), unit(reranker.score(c.signals()))));
        }
        ranked.sort(Comparator.comparingDouble(RankedChunk::score).reversed().thenComparing(RankedChunk::id));
        return ranked;
    }

    private static double unit(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
