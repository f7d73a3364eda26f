package io.olyx.domain.grading;

import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.TraceSummary.RoutingDecision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The routing decision a trace is known by: its most common (tier, model) among routed run steps. */
final class RoutingDecisions {
    private RoutingDecisions() {
    }

    /** Ties go to the pair seen first in {@code orderedSteps}; empty when no run step was routed to a tier. */
    static Optional<RoutingDecision> mostCommon(List<Step> orderedSteps) {
        Map<RoutingDecision, Integer> counts = new LinkedHashMap<>();
        for (Step step : orderedSteps) {
            if (step.type() == StepType.RUN) {
                step.modelCall().ifPresent(call -> call.tier().ifPresent(tier ->
                        counts.merge(new RoutingDecision(tier, call.model()), 1, Integer::sum)));
            }
        }
        RoutingDecision best = null;
        int bestCount = 0;
        for (Map.Entry<RoutingDecision, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return Optional.ofNullable(best);
    }
}
