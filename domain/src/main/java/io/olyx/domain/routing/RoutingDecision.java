package io.olyx.domain.routing;

import java.util.List;
import java.util.Objects;

/**
 * The tier for one request, its complexity score and the factors that decided it (largest first).
 *
 * @param score the complexity score in [0, 1]; computed for secure requests too, so dashboards can show it
 */
public record RoutingDecision(Tier tier, double score, List<DecisionFactor> factors) {

    public RoutingDecision {
        Objects.requireNonNull(tier, "tier");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
        factors = List.copyOf(factors);
    }

    /** The factors in their readable form, e.g. {@code ["sensitive → secure", "code +0.25"]}. */
    public List<String> explanation() {
        return factors.stream().map(DecisionFactor::describe).toList();
    }
}
