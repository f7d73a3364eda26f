package io.olyx.domain.rag;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How raw retriever scores are brought to 0..1 before a {@link Fusion.WeightedScore} combines them.
 *
 * <p>{@link PerQueryMinMax} stretches each list so its best is 1 and its worst 0: robust to any score scale,
 * but the best hit of a query with no good match still scores 1. {@link Absolute} uses fixed bounds instead
 * (lexical scores already come in 0..1; cosine similarity is mapped linearly from {@code cosineFloor..1}), so
 * the combined score means the same thing for every query.
 */
public sealed interface ScoreNormalization {

    Map<String, Double> lexical(Map<String, Double> raw);

    Map<String, Double> vector(Map<String, Double> raw);

    record PerQueryMinMax() implements ScoreNormalization {
        @Override
        public Map<String, Double> lexical(Map<String, Double> raw) {
            return minMax(raw);
        }

        @Override
        public Map<String, Double> vector(Map<String, Double> raw) {
            return minMax(raw);
        }

        private static Map<String, Double> minMax(Map<String, Double> raw) {
            double min = raw.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = raw.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double range = max - min;
            Map<String, Double> out = new LinkedHashMap<>();
            raw.forEach((id, s) -> out.put(id, range > 0 ? (s - min) / range : 1.0));
            return out;
        }
    }

    record Absolute(double cosineFloor) implements ScoreNormalization {
        public Absolute {
            if (!(cosineFloor >= -1 && cosineFloor < 1)) {
                throw new IllegalArgumentException("cosineFloor must be in [-1, 1), was " + cosineFloor);
            }
        }

        @Override
        public Map<String, Double> lexical(Map<String, Double> raw) {
            Map<String, Double> out = new LinkedHashMap<>();
            raw.forEach((id, s) -> out.put(id, clamp(s)));
            return out;
        }

        @Override
        public Map<String, Double> vector(Map<String, Double> raw) {
            Map<String, Double> out = new LinkedHashMap<>();
            raw.forEach((id, s) -> out.put(id, scaleCosine(s)));
            return out;
        }

        /** Cosine similarity mapped to 0..1 with everything at or below the floor as 0. */
        public double scaleCosine(double cosine) {
            return clamp((cosine - cosineFloor) / (1 - cosineFloor));
        }

        private static double clamp(double v) {
            return Math.max(0, Math.min(1, v));
        }
    }
}
