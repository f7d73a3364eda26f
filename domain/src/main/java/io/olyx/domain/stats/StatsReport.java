package io.olyx.domain.stats;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of GET /api/v1/stats, field for field (seed 001, "Stats"). Rates and percentages are 0–100; latencies
 * are milliseconds; money is exact. {@code grossMarginPct} and {@code toolFidelityScore} are empty when there is
 * nothing to divide by or average.
 */
public record StatsReport(StatsPeriod period, Latency latency, Cost cost, BigDecimal revenue, BigDecimal grossMargin,
                          Optional<Double> grossMarginPct, Security security, Agent agent) {
    public StatsReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(grossMargin, "grossMargin");
        Objects.requireNonNull(grossMarginPct, "grossMarginPct");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(agent, "agent");
    }

    /** Over run steps (model calls); every figure is empty when the period has none, rather than 0 ms. */
    public record Latency(Optional<Double> p50, Optional<Double> p95, Optional<Double> p99, Optional<Double> avgMs) {
        public Latency {
            Objects.requireNonNull(p50, "p50");
            Objects.requireNonNull(p95, "p95");
            Objects.requireNonNull(p99, "p99");
            Objects.requireNonNull(avgMs, "avgMs");
        }

        public static Latency none() {
            return new Latency(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** by_model and by_infrastructure are ordered by cost, highest first, then by name. */
    public record Cost(BigDecimal total, List<ModelCost> byModel, List<InfrastructureCost> byInfrastructure) {
        public Cost {
            byModel = List.copyOf(byModel);
            byInfrastructure = List.copyOf(byInfrastructure);
        }
    }

    public record ModelCost(String model, BigDecimal cost) {
    }

    public record InfrastructureCost(String infrastructure, BigDecimal cost) {
    }

    /** total_requests is the number of graded traces; the rates are percentages of them. */
    public record Security(long totalRequests, double piiBlockRate, double injectionShadowRate,
                           Optional<Double> toolFidelityScore, long loopInterventions, double secretLeakageRate) {
    }

    public record Agent(McpLatency mcpLatency, ChainDepth chainDepth, List<DriftReport> biasDrift, Stall stall) {
        public Agent {
            biasDrift = List.copyOf(biasDrift);
        }
    }

    /** overhead_ratio = tool time as a percentage of tool time plus agent model time. */
    public record McpLatency(double avgModelThinkMs, double p95ModelThinkMs, double avgToolExecMs,
                             double p95ToolExecMs, long toolCallCount, double overheadRatio) {
    }

    /** avg_tool_cycles averages over traces that made at least one tool-call cycle. */
    public record ChainDepth(double avgToolCycles, int maxToolCycles, long deepLoopCount) {
    }

    public record Stall(double avgProbability, long alertCount, long monitorCount, double alertRatePct) {
    }
}
