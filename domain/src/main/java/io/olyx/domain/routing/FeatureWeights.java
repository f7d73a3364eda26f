package io.olyx.domain.routing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How much each {@link Feature} adds to the complexity score: score = clamp(baseline + Σ weight × value, 0, 1).
 * Every weight must point in its feature's direction, so complexity cues can only raise the score.
 *
 * @param baseline the score of a request with no features at all
 * @param weights  per-feature weights; features left out weigh zero
 */
public record FeatureWeights(double baseline, Map<Feature, Double> weights) {

    public FeatureWeights {
        if (!(baseline >= 0.0 && baseline <= 1.0)) {
            throw new IllegalArgumentException("baseline must be in [0, 1], was " + baseline);
        }
        Objects.requireNonNull(weights, "weights");
        Map<Feature, Double> all = new EnumMap<>(Feature.class);
        for (Feature f : Feature.values()) {
            double w = weights.getOrDefault(f, 0.0);
            if (!Double.isFinite(w) || !f.admits(w)) {
                throw new IllegalArgumentException(f.wire() + " must " + f.direction() + " the score, weight " + w);
            }
            all.put(f, w);
        }
        weights = Collections.unmodifiableMap(all);
    }

    public double weight(Feature feature) {
        return weights.get(feature);
    }

    public FeatureWeights with(Feature feature, double weight) {
        Map<Feature, Double> changed = new EnumMap<>(weights);
        changed.put(feature, weight);
        return new FeatureWeights(baseline, changed);
    }

    public FeatureWeights withBaseline(double newBaseline) {
        return new FeatureWeights(newBaseline, weights);
    }

    /** The weights Olyx ships with; how they were obtained is in {@link StandardWeights}. */
    public static FeatureWeights standard() {
        return StandardWeights.WEIGHTS;
    }
}
