package io.olyx.domain.trace;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What completing a trace computes from its steps (seed 001, "Get a trace"). The latency percentiles are empty when
 * the trace has no timed step: a trace of log steps only has no latency, not one of 0 ms.
 */
public record TraceSummary(double totalLatencyMs, BigDecimal totalCost, Optional<BigDecimal> revenue,
                           Optional<BigDecimal> grossMargin, Optional<Double> latencyP50, Optional<Double> latencyP95,
                           Optional<Double> latencyP99,
                           Grades grades, int stepCount, int chainDepth, Optional<Double> toolOverheadMs,
                           double stallProbability, Map<String, BigDecimal> costByModel,
                           Map<String, BigDecimal> costByInfrastructure, Security security,
                           Optional<RoutingDecision> routingDecision) {
    public TraceSummary {
        Objects.requireNonNull(totalCost, "totalCost");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(grossMargin, "grossMargin");
        Objects.requireNonNull(latencyP50, "latencyP50");
        Objects.requireNonNull(latencyP95, "latencyP95");
        Objects.requireNonNull(latencyP99, "latencyP99");
        Objects.requireNonNull(grades, "grades");
        Objects.requireNonNull(toolOverheadMs, "toolOverheadMs");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(routingDecision, "routingDecision");
        costByModel = Map.copyOf(costByModel);
        costByInfrastructure = Map.copyOf(costByInfrastructure);
    }

    public Grade optimizationGrade() {
        return grades.overall();
    }

    public record Grades(Grade overall, Grade waste, Grade latency) {
        public Grades {
            Objects.requireNonNull(overall, "overall");
            Objects.requireNonNull(waste, "waste");
            Objects.requireNonNull(latency, "latency");
        }
    }

    public record Security(boolean piiDetected, boolean injectionAttempt, boolean secretLeaked,
                           Optional<Double> toolFidelityScore, Optional<Double> shadowScore) {
        public Security {
            Objects.requireNonNull(toolFidelityScore, "toolFidelityScore");
            Objects.requireNonNull(shadowScore, "shadowScore");
        }
    }

    public record RoutingDecision(String tier, String model) {
        public RoutingDecision {
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(model, "model");
        }
    }
}
