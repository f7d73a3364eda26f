package io.olyx.domain.insight;

import io.olyx.domain.model.Pricing;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one insight refresh looks at for a project.
 *
 * @param observations   the graded traces of the observed window
 * @param replays        replay comparisons made in (or before) the window
 * @param catalogue      registered model identifier → its prices
 * @param routedIntents  intents that already have a dedicated routing rule
 * @param observedWindow how long the window was, to project savings to 30 days
 * @param p99AlertMs     the project's latency threshold for an intent's p99
 */
public record InsightInput(List<TraceObservation> observations, List<ReplayEvidence> replays,
                           Map<String, Pricing> catalogue, Set<String> routedIntents, Duration observedWindow,
                           double p99AlertMs) {
    public InsightInput {
        observations = List.copyOf(observations);
        replays = List.copyOf(replays);
        catalogue = Map.copyOf(catalogue);
        routedIntents = Set.copyOf(routedIntents);
        Objects.requireNonNull(observedWindow, "observedWindow");
        if (observedWindow.isNegative() || observedWindow.isZero() || !(p99AlertMs > 0)) {
            throw new IllegalArgumentException("the window and the latency threshold must be positive");
        }
    }
}
