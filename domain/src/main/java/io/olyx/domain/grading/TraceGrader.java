package io.olyx.domain.grading;

import io.olyx.domain.common.JsonValues;
import io.olyx.domain.trace.Grade;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceSummary;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Computes a trace's summary from its steps when it completes. Pure and order-independent: steps are put in one
 * canonical order (created_at, then id) first, so grading the same steps twice, in any order, gives an equal
 * summary. The grade rules are on {@link GradeRules}.
 *
 * <p>Field by field: total_latency_ms is wall clock from the trace's creation to the last step's end, a step
 * ending at created_at + latency_ms (created_at is when the step started); total_cost, cost by model and by
 * infrastructure sum the run steps' exact costs (by_infrastructure always lists public_cloud and private);
 * gross_margin is revenue − total_cost when the trace has revenue; latency p50/p95/p99 are {@link Percentiles}
 * (linear interpolation) over the timed steps (check, run, tool_call), to three decimals, empty without a timed
 * step; chain_depth is {@link ChainDepth};
 * tool_overhead_ms sums the tool_call steps' latency (empty without tool_call steps); stall_probability is
 * {@link StallSignals#probability()}; security flags are set when any step carried them; tool_fidelity_score is
 * {@link ToolFidelity}; shadow_score is the mean {@code details.shadow_score} (0–1) of the steps that carry one;
 * routing_decision is the most common (tier, model) among tiered run steps, the earliest winning a tie.
 */
public final class TraceGrader {
    public static final List<String> DEFAULT_INFRASTRUCTURES = List.of("public_cloud", "private");

    private TraceGrader() {
    }

    public static TraceSummary grade(Trace trace, List<Step> steps, GradingContext context) {
        steps.stream().filter(step -> !step.traceId().equals(trace.id())).findAny().ifPresent(stray -> {
            throw new IllegalArgumentException("step " + stray.id().value() + " belongs to another trace");
        });
        List<Step> ordered = steps.stream().sorted(StepOrder.CANONICAL).toList();
        BigDecimal totalCost = ordered.stream().filter(TraceGrader::isRun).map(Step::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        double[] latencies = ordered.stream().filter(LatencyTally::isTimed).mapToDouble(Step::latencyMs)
                .sorted().toArray();
        int chainDepth = ChainDepth.of(ordered);
        StallSignals stall = StallSignals.of(ordered, chainDepth);
        double stallProbability = stall.probability();
        Grade waste = GradeRules.waste(WasteTally.of(ordered, context));
        Grade latency = GradeRules.latency(LatencyTally.of(ordered, context.thresholds()));
        Grade overall = GradeRules.overall(waste, latency, new GradeRules.OverallSignals(chainDepth,
                stall.loopDetected(), stallProbability, UserRatings.mean(ordered)), context.thresholds());
        return new TraceSummary(totalLatencyMs(trace, ordered), totalCost, trace.revenue(),
                trace.revenue().map(revenue -> revenue.subtract(totalCost)),
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                new TraceSummary.Grades(overall, waste, latency), ordered.size(), chainDepth,
                toolOverheadMs(ordered), stallProbability, costByModel(ordered), costByInfrastructure(ordered),
                security(ordered), RoutingDecisions.mostCommon(ordered));
    }

    private static boolean isRun(Step step) {
        return step.type() == StepType.RUN;
    }

    private static double totalLatencyMs(Trace trace, List<Step> ordered) {
        double last = 0;
        for (Step step : ordered) {
            Duration sinceCreation = Duration.between(trace.createdAt(), step.createdAt());
            double startMs = sinceCreation.getSeconds() * 1_000.0 + sinceCreation.getNano() / 1_000_000.0;
            last = Math.max(last, startMs + step.latencyMs());
        }
        return Rounding.millis(last);
    }

    /** Empty when no step was timed; rounded to the microsecond like total_latency_ms. */
    private static Optional<Double> percentile(double[] sortedLatencies, double percentile) {
        return sortedLatencies.length == 0 ? Optional.empty()
                : Optional.of(Rounding.millis(Percentiles.ofSorted(sortedLatencies, percentile)));
    }

    private static Optional<Double> toolOverheadMs(List<Step> ordered) {
        List<Step> tools = ordered.stream().filter(step -> step.type() == StepType.TOOL_CALL).toList();
        return tools.isEmpty() ? Optional.empty()
                : Optional.of(tools.stream().mapToDouble(Step::latencyMs).sorted().sum());
    }

    private static Map<String, BigDecimal> costByModel(List<Step> ordered) {
        Map<String, BigDecimal> costs = new TreeMap<>();
        ordered.stream().filter(TraceGrader::isRun).forEach(step -> step.modelCall()
                .ifPresent(call -> costs.merge(call.model(), step.cost(), BigDecimal::add)));
        return costs;
    }

    private static Map<String, BigDecimal> costByInfrastructure(List<Step> ordered) {
        Map<String, BigDecimal> costs = new TreeMap<>();
        DEFAULT_INFRASTRUCTURES.forEach(name -> costs.put(name, BigDecimal.ZERO));
        ordered.stream().filter(TraceGrader::isRun).forEach(step -> step.modelCall()
                .ifPresent(call -> costs.merge(call.infrastructure(), step.cost(), BigDecimal::add)));
        return costs;
    }

    private static TraceSummary.Security security(List<Step> ordered) {
        boolean pii = ordered.stream().anyMatch(step -> step.security().piiDetected());
        boolean injection = ordered.stream().anyMatch(step -> step.security().injectionAttempt());
        boolean secret = ordered.stream().anyMatch(step -> step.security().secretLeaked());
        return new TraceSummary.Security(pii, injection, secret, ToolFidelity.score(ordered), shadowScore(ordered));
    }

    private static Optional<Double> shadowScore(List<Step> ordered) {
        double[] scores = ordered.stream()
                .map(step -> JsonValues.number(step.details(), "shadow_score"))
                .flatMap(Optional::stream)
                .mapToDouble(BigDecimal::doubleValue)
                .filter(score -> score >= 0 && score <= 1)
                .toArray();
        return scores.length == 0 ? Optional.empty()
                : Optional.of(Rounding.ratio(Arrays.stream(scores).sum() / scores.length));
    }
}
