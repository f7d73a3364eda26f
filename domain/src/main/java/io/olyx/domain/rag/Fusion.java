package io.olyx.domain.rag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Combines the lexical and the vector ranked lists into one. Both variants return each id once, at most
 * {@code top} of them, ordered by fused score and then by id so equal scores never reorder between runs.
 */
public sealed interface Fusion {

    List<FusedCandidate> fuse(List<RetrievalHit> lexical, List<RetrievalHit> vector, int top);

    /**
     * Reciprocal-rank fusion: each list contributes {@code weight / (k + rank)} (rank from 1). Ignores score
     * magnitudes, so it needs no normalisation, but it also cannot tell a strong match from a weak one.
     */
    record ReciprocalRank(int k, double lexicalWeight) implements Fusion {
        public ReciprocalRank {
            if (k < 0) {
                throw new IllegalArgumentException("k must be >= 0, was " + k);
            }
            requireWeight(lexicalWeight);
        }

        @Override
        public List<FusedCandidate> fuse(List<RetrievalHit> lexical, List<RetrievalHit> vector, int top) {
            Signals signals = Signals.of(lexical, vector);
            Map<String, Double> fused = new HashMap<>();
            addRanks(fused, signals.lexicalOrder(), lexicalWeight);
            addRanks(fused, signals.vectorOrder(), 1 - lexicalWeight);
            return signals.ranked(fused, top);
        }

        private void addRanks(Map<String, Double> fused, List<String> order, double weight) {
            for (int rank = 0; rank < order.size(); rank++) {
                fused.merge(order.get(rank), weight / (k + rank + 1.0), Double::sum);
            }
        }
    }

    /**
     * Convex combination of normalised scores: {@code w * lexical' + (1 - w) * vector'}, where a retriever that
     * did not return an id contributes 0. See {@link ScoreNormalization} for how raw scores become 0..1.
     */
    record WeightedScore(double lexicalWeight, ScoreNormalization normalization) implements Fusion {
        public WeightedScore {
            requireWeight(lexicalWeight);
            java.util.Objects.requireNonNull(normalization, "normalization");
        }

        @Override
        public List<FusedCandidate> fuse(List<RetrievalHit> lexical, List<RetrievalHit> vector, int top) {
            Signals signals = Signals.of(lexical, vector);
            Map<String, Double> fused = new HashMap<>();
            normalization.lexical(signals.lexical())
                    .forEach((id, s) -> fused.merge(id, lexicalWeight * s, Double::sum));
            normalization.vector(signals.vector())
                    .forEach((id, s) -> fused.merge(id, (1 - lexicalWeight) * s, Double::sum));
            return signals.ranked(fused, top);
        }
    }

    private static void requireWeight(double w) {
        if (!(w >= 0 && w <= 1)) {
            throw new IllegalArgumentException("lexicalWeight must be in [0, 1], was " + w);
        }
    }

    /** The two input lists deduplicated (best score per id) and sorted, with the shared output step. */
    record Signals(Map<String, Double> lexical, Map<String, Double> vector,
                   List<String> lexicalOrder, List<String> vectorOrder) {

        static Signals of(List<RetrievalHit> lexical, List<RetrievalHit> vector) {
            Map<String, Double> lex = bestPerId(lexical);
            Map<String, Double> vec = bestPerId(vector);
            return new Signals(lex, vec, order(lex), order(vec));
        }

        private static Map<String, Double> bestPerId(List<RetrievalHit> hits) {
            Map<String, Double> best = new LinkedHashMap<>();
            for (RetrievalHit hit : hits) {
                best.merge(hit.id(), hit.score(), Math::max);
            }
            return best;
        }

        private static List<String> order(Map<String, Double> scores) {
            List<Map.Entry<String, Double>> entries = new ArrayList<>(scores.entrySet());
            entries.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            return entries.stream().map(Map.Entry::getKey).toList();
        }

        List<FusedCandidate> ranked(Map<String, Double> fused, int top) {
            if (top < 0) {
                throw new IllegalArgumentException("top must be >= 0, was " + top);
            }
            return fused.entrySet().stream()
                    .map(e -> new FusedCandidate(e.getKey(), e.getValue(), optional(lexical, e.getKey()),
                            optional(vector, e.getKey())))
                    .sorted(Comparator.comparingDouble(FusedCandidate::fusedScore).reversed()
                            .thenComparing(FusedCandidate::id))
                    .limit(top)
                    .toList();
        }

        private static OptionalDouble optional(Map<String, Double> scores, String id) {
            Double s = scores.get(id);
            return s == null ? OptionalDouble.empty() : OptionalDouble.of(s);
        }
    }
}
