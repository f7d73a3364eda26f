package io.olyx.bench.routing;

import io.olyx.domain.routing.Feature;
import io.olyx.domain.routing.FeatureVector;
import io.olyx.domain.routing.FeatureWeights;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the FITTED feature weights by least squares with a ridge penalty, each weight held to its feature's
 * direction (projected coordinate descent, which converges for this convex problem). The target is what routing
 * a prompt to the strong model gains (−1, 0, +1 correct) in score units, minus what the PRIOR features already
 * add; the intercept is free and becomes the baseline.
 */
final class WeightFit {

    /** Score units per unit of expected accuracy gain: a weight of 0.10 means about 5 points more accuracy. */
    static final double SCORE_PER_GAIN = 2.0;

    private static final int SWEEPS = 2_000;

    private WeightFit() {
    }

    static FeatureWeights fit(List<RoutingCase> cases, List<FeatureVector> features, FeatureWeights priors,
                              double ridge) {
        List<Feature> fitted = Arrays.stream(Feature.values())
                .filter(f -> f.origin() == Feature.Origin.FITTED).toList();
        int n = cases.size();
        int m = fitted.size();
        double[][] x = new double[m][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            FeatureVector v = features.get(i);
            double prior = 0.0;
            for (Feature f : Feature.values()) {
                if (f.origin() == Feature.Origin.PRIOR) {
                    prior += priors.weight(f) * v.value(f);
                }
            }
            y[i] = SCORE_PER_GAIN * cases.get(i).strongGain() - prior;
            for (int j = 0; j < m; j++) {
                x[j][i] = v.value(fitted.get(j));
            }
        }
        double[] xMean = new double[m];
        for (int j = 0; j < m; j++) {
            xMean[j] = mean(x[j]);
            for (int i = 0; i < n; i++) {
                x[j][i] -= xMean[j];
            }
        }
        double yMean = mean(y);
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = y[i] - yMean;
        }
        double[] w = new double[m];
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (int j = 0; j < m; j++) {
                double dot = 0.0;
                double norm = 0.0;
                for (int i = 0; i < n; i++) {
                    dot += x[j][i] * (residual[i] + w[j] * x[j][i]);
                    norm += x[j][i] * x[j][i];
                }
                double updated = norm == 0.0 ? 0.0 : dot / (norm + ridge * n);
                updated = fitted.get(j).admits(updated) ? updated : 0.0;
                for (int i = 0; i < n; i++) {
                    residual[i] -= (updated - w[j]) * x[j][i];
                }
                w[j] = updated;
            }
        }
        double intercept = yMean;
        Map<Feature, Double> weights = new EnumMap<>(priors.weights());
        for (int j = 0; j < m; j++) {
            weights.put(fitted.get(j), w[j]);
            intercept -= w[j] * xMean[j];
        }
        return new FeatureWeights(Math.max(0.0, Math.min(1.0, intercept)), weights);
    }

    private static double mean(double[] values) {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
