package io.olyx.domain.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Routes a request to the simple, medium, complex or secure tier. Sensitive requests always go to secure; otherwise
 * the weighted features give a complexity score in [0, 1], the project's complex threshold splits off complex and,
 * when the project has a medium band, its medium threshold splits the rest. Deterministic, no I/O, microseconds
 * per request (the lexical scan is bounded, see TextScan).
 */
public final class ComplexityClassifier {

    private static final Feature[] FEATURES = Feature.values();
    private static final Comparator<DecisionFactor.Contribution> LARGEST_FIRST =
            Comparator.comparingDouble((DecisionFactor.Contribution c) -> -Math.abs(c.amount()));

    private final FeatureWeights weights;
    private final double[] weightByOrdinal;

    public ComplexityClassifier(FeatureWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.weightByOrdinal = new double[FEATURES.length];
        for (Feature f : FEATURES) {
            weightByOrdinal[f.ordinal()] = weights.weight(f);
        }
    }

    public static ComplexityClassifier standard() {
        return new ComplexityClassifier(FeatureWeights.standard());
    }

    /** The tier for {@code in} under the project's thresholds, with its score and the factors behind it. */
    public RoutingDecision classify(RoutingInput in, RoutingThresholds t) {
        FeatureVector features = ComplexityFeatures.extract(in, t);
        List<DecisionFactor.Contribution> contributions = contributions(features);
        double raw = weights.baseline();
        for (DecisionFactor.Contribution c : contributions) {
            raw += c.amount();
        }
        double score = Math.max(0.0, Math.min(1.0, roundToScoreResolution(raw)));

        List<DecisionFactor> factors = new ArrayList<>(contributions.size() + 2);
        Tier tier;
        if (in.sensitive()) {
            tier = Tier.SECURE;
            factors.add(new DecisionFactor.Rule("sensitive", Tier.SECURE));
        } else {
            tier = score >= t.complexThreshold() ? Tier.COMPLEX
                    : t.mediumThreshold().isPresent() && score >= t.mediumThreshold().getAsDouble() ? Tier.MEDIUM
                    : Tier.SIMPLE;
        }
        factors.add(new DecisionFactor.Contribution("baseline", weights.baseline()));
        contributions.sort(LARGEST_FIRST);
        factors.addAll(contributions);
        return new RoutingDecision(tier, score, factors);
    }

    // in feature order, so the score's sum is the same whatever the sort of the explanation
    private List<DecisionFactor.Contribution> contributions(FeatureVector features) {
        List<DecisionFactor.Contribution> contributions = new ArrayList<>();
        for (Feature f : FEATURES) {
            double amount = weightByOrdinal[f.ordinal()] * features.value(f);
            if (amount != 0.0) {
                contributions.add(new DecisionFactor.Contribution(f.wire(), amount));
            }
        }
        return contributions;
    }

    // Sums of two-decimal weights land a hair either side of the threshold (0.35 + 0.15 is not exactly 0.5 in
    // every order of addition); rounding to 1e-6 makes the tier follow the arithmetic a reader of the explanation
    // does. Rounding is monotone, so it cannot undo what the feature directions guarantee.
    private static double roundToScoreResolution(double raw) {
        return Math.rint(raw * 1e6) / 1e6;
    }
}
