package io.olyx.domain.routing;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The measured value, in [0, 1], of every {@link Feature} for one request. */
public final class FeatureVector {

    private static final Feature[] FEATURES = Feature.values();

    private final double[] values;

    private FeatureVector(double[] values) {
        this.values = values;
    }

    static FeatureVector of(double[] values) {
        if (values.length != FEATURES.length) {
            throw new IllegalArgumentException("expected " + FEATURES.length + " values, got " + values.length);
        }
        double[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            if (!(copy[i] >= 0.0 && copy[i] <= 1.0)) {
                throw new IllegalArgumentException(FEATURES[i].wire() + " must be in [0, 1], was " + copy[i]);
            }
        }
        return new FeatureVector(copy);
    }

    public double value(Feature feature) {
        return values[feature.ordinal()];
    }

    public Map<Feature, Double> asMap() {
        Map<Feature, Double> map = new EnumMap<>(Feature.class);
        for (Feature f : FEATURES) {
            map.put(f, values[f.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FeatureVector" + asMap();
    }
}
